/** Reading typed fields from a parsed JSON body; anything missing or malformed is a 400. */
import { HttpError } from '../router.ts';

export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'expected a JSON object body');
  }
  return body as Record<string, unknown>;
}

export function intField(body: Record<string, unknown>, name: string, min: number, max: number): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new HttpError(400, `'${name}' must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function stringField(body: Record<string, unknown>, name: string, maxLength: number): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw new HttpError(400, `'${name}' must be a non-empty string of at most ${maxLength} characters`);
  }
  return value;
}

/** a positive integer path parameter such as /products/:id */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647 || String(id) !== value) {
    throw new HttpError(400, `'${value}' is not a valid id`);
  }
  return id;
}
