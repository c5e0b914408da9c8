/** A VU's cookies for the one origin it talks to: Set-Cookie in, Cookie header out. */
import type { HeaderMap } from './header-map.ts';

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  clear(): void {
    this.cookies.clear();
  }

  get size(): number {
    return this.cookies.size;
  }

  /** The Cookie header value, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    let out = '';
    for (const [name, value] of this.cookies) out += `${out ? '; ' : ''}${name}=${value}`;
    return out;
  }

  /** Applies the response's Set-Cookie headers (Max-Age ≤ 0 or a past Expires delete the cookie). */
  store(headers: HeaderMap): void {
    const raw = headers['set-cookie'];
    if (raw === undefined) return;
    for (const line of Array.isArray(raw) ? raw : [raw]) this.storeOne(line);
  }

  private storeOne(line: string): void {
    const [pair, ...attributes] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key, val = ''] = attribute.split('=');
      const k = key?.trim().toLowerCase();
      if (k === 'max-age') return Number(val) <= 0;
      if (k === 'expires') return Date.parse(val) <= Date.now();
      return false;
    });
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
