/**
 * Reading a flow's source without running it: the argument lists of its `vu.grpc(…)` calls, and which of
 * those arguments are plain literals (strings, numbers, booleans, null, objects and arrays of them) that a
 * k6 script can carry as JSON. Anything else (a variable, a call, a template with ${}) is not a literal.
 */

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** the index just past the string literal starting at `start` (a quote or backtick) */
function skipString(text: string, start: number): number {
  const quote = text[start];
  let index = start + 1;
  while (index < text.length && text[index] !== quote) index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/**
 * The top-level, comma-separated pieces of the bracketed list that opens at `open` (its `(`, `[` or `{`),
 * trimmed, and the index past its closing bracket; undefined when it never closes.
 */
export function splitList(text: string, open: number): { items: string[]; end: number } | undefined {
  const stack = [PAIRS[text[open]!]];
  const items: string[] = [];
  let from = open + 1;
  let index = open + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"' || char === "'" || char === '`') {
      index = skipString(text, index);
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      index = text.indexOf('\n', index);
      if (index < 0) return undefined;
      continue;
    }
    if (PAIRS[char]) stack.push(PAIRS[char]);
    else if (char === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) {
        const last = text.slice(from, index).trim();
        if (last !== '') items.push(last);
        return { items, end: index + 1 };
      }
    } else if (char === ',' && stack.length === 1) {
      items.push(text.slice(from, index).trim());
      from = index + 1;
    }
    index += 1;
  }
  return undefined;
}

const TOKEN =
  /\s+|\/\/[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`$\\]*`|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|[A-Za-z_$][\w$]*|[{}[\]:,]/gy;

/** The value of a literal written in JavaScript, or undefined when the text is not one. */
export function literalValue(text: string): { value: unknown } | undefined {
  const json: string[] = [];
  TOKEN.lastIndex = 0;
  let previous = '';
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match || match.index !== at) return undefined;
    const token = match[0];
    if (/^\s|^\/\//.test(token)) continue;
    const rest = text.slice(TOKEN.lastIndex).trimStart();
    if (token[0] === "'" || token[0] === '`') {
      json.push(JSON.stringify(token.slice(1, -1).replace(/\\(['`])/g, '$1')));
    } else if (/^[A-Za-z_$]/.test(token)) {
      if (rest.startsWith(':') && (previous === '{' || previous === ',')) json.push(JSON.stringify(token));
      else if (token === 'true' || token === 'false' || token === 'null') json.push(token);
      else return undefined;
    } else if (token === ',' && /^[}\]]/.test(rest)) {
      // a trailing comma: not in JSON
    } else json.push(token);
    previous = token;
  }
  try {
    return { value: JSON.parse(json.join('')) };
  } catch {
    return undefined;
  }
}

export interface CallSite {
  /** the call's arguments as written */
  args: string[];
  /** 1-based line of the call in the source */
  line: number;
}

/** every `<something>.grpc(…)` call in the source, in source order */
export function grpcCallSites(source: string): CallSite[] {
  const sites: CallSite[] = [];
  for (const match of source.matchAll(/\.grpc\s*\(/g)) {
    const list = splitList(source, match.index + match[0].length - 1);
    if (!list) continue;
    sites.push({ args: list.items, line: source.slice(0, match.index).split('\n').length });
  }
  return sites;
}
