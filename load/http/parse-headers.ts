/**
 * The full header map of a response head, built only when a flow asks for headers (cookies,
 * captures, checks): lower-cased names, trimmed values, obsolete line folding joined with a space,
 * repeated headers joined with ', ' except set-cookie, which stays a list.
 */
import type { HeaderMap } from '../../load-model/flows/header-map.ts';

/** Parses the header lines of `head` (the status line first; the closing blank line is skipped). */
export function parseHeaderMap(head: string): HeaderMap {
  const headers: HeaderMap = {};
  const lines = head.split('\n');
  let lastName = '';
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if ((line.startsWith(' ') || line.startsWith('\t')) && lastName !== '') {
      appendFolded(headers, lastName, line.trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      lastName = '';
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    lastName = name;
    const existing = headers[name];
    if (existing === undefined) headers[name] = name === 'set-cookie' ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else headers[name] = `${existing}, ${value}`;
  }
  return headers;
}

function appendFolded(headers: HeaderMap, name: string, value: string): void {
  const existing = headers[name]!;
  if (Array.isArray(existing)) existing[existing.length - 1] = `${existing[existing.length - 1]} ${value}`;
  else headers[name] = `${existing} ${value}`;
}
