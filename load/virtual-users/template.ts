/** {{name}} placeholders in paths and header values, filled from a VU's vars. */

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function fillTemplate(template: string, vars: Record<string, unknown>, encode: boolean): string {
  if (!template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`template variable {{${name}}} is not set (capture it first)`);
    const text = String(value);
    return encode ? encodeURIComponent(text) : text;
  });
}

/**
 * A stream's opening headers (an event stream's, a WebSocket's): the flow's header values filled from
 * the VU's vars, and the VU's cookies unless the flow set its own Cookie header.
 */
export function openingHeaders(
  given: Record<string, string> | undefined,
  vars: Record<string, unknown>,
  cookie: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(given ?? {})) headers[key] = fillTemplate(value, vars, false);
  if (cookie !== undefined && headers['cookie'] === undefined) headers['cookie'] = cookie;
  return headers;
}

/** 'json:a.b.0.c' → the value at that path of a parsed body. */
export function pickPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
