/**
 * Finds the `scalebench …` command lines that Markdown code blocks show, as the words a shell would pass
 * to the CLI. Enough of a shell for documentation: quotes, `\` line continuations, comments, `&&`, `|`,
 * `;` and `&`, redirections, `VAR=value` prefixes, `sh -c '…'`, `$VAR` expansions (a stand-in value),
 * `<placeholder>` (its name as the value) and `[--optional]` words (kept, brackets dropped).
 */

export interface DocCommandLine {
  file: string;
  /** 1-based line of the code block where the command starts */
  line: number;
  /** the command as written (continuations joined) */
  source: string;
  /** the words after `scalebench` */
  args: string[];
}

type Token = { kind: 'word'; value: string } | { kind: 'op'; value: string };

const operators = ['&&', '||', '2>&1', '&>', '>>', '2>', '|', ';', '&', '>', '<'];
const redirections = new Set(['&>', '>>', '2>', '>', '<']);

/** The command lines in one Markdown file's fenced code blocks. */
export function docCommandLines(markdown: string, file: string): DocCommandLine[] {
  const found: DocCommandLine[] = [];
  for (const { line, text } of logicalCodeLines(markdown)) {
    if (!/\bscalebench\s/.test(text)) continue; // not every code line is shell: YAML, TypeScript, output
    for (const args of scalebenchInvocations(shellTokens(text))) {
      found.push({ file, line, source: text.trim(), args });
    }
  }
  return found;
}

/** Lines inside ``` or ~~~ fences, a line ending in `\` joined with the next. */
export function logicalCodeLines(markdown: string): { line: number; text: string }[] {
  const lines = markdown.split('\n');
  const out: { line: number; text: string }[] = [];
  let fence: string | null = null;
  let pending: { line: number; text: string } | null = null;
  lines.forEach((raw, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      pending = null;
      return;
    }
    if (fence === null) return;
    const current = pending ?? { line: index + 1, text: '' };
    const continued = /\\\s*$/.test(raw);
    current.text += continued ? raw.replace(/\\\s*$/, ' ') : raw;
    if (continued) {
      pending = current;
      return;
    }
    pending = null;
    out.push(current);
  });
  return out;
}

/** Splits one shell line into words and operators, the way sh would before running it. */
export function shellTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let word: string | null = null;
  let optional = false;
  const endWord = () => {
    if (word === null) return;
    if (optional && word.endsWith(']')) {
      word = word.slice(0, -1);
      optional = false;
    }
    tokens.push({ kind: 'word', value: word });
    word = null;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      endWord();
      i += 1;
      continue;
    }
    if (ch === '#' && word === null) break;
    const op = operators.find((candidate) => text.startsWith(candidate, i));
    const placeholder = ch === '<' ? /^<[^\s<>]+>/.exec(text.slice(i))?.[0] : undefined;
    if (placeholder) {
      word = (word ?? '') + placeholder.slice(1, -1);
      i += placeholder.length;
      continue;
    }
    if (op && !(op === '2>' && word !== null) && !(op === '2>&1' && word !== null)) {
      endWord();
      tokens.push({ kind: 'op', value: op });
      i += op.length;
      continue;
    }
    if (ch === '[' && word === null && text[i + 1] === '-') {
      optional = true;
      word = '';
      i += 1;
      continue;
    }
    const [piece, next] = readPiece(text, i);
    word = (word ?? '') + piece;
    i = next;
  }
  endWord();
  return tokens;
}

/** One quoted string, escape, expansion or plain character at `i`: its value and where the next starts. */
function readPiece(text: string, i: number): [string, number] {
  const ch = text[i] as string;
  if (ch === "'") {
    const end = text.indexOf("'", i + 1);
    if (end === -1) throw new Error(`unclosed ' in: ${text}`);
    return [text.slice(i + 1, end), end + 1];
  }
  if (ch === '"') {
    let value = '';
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      if (text[j] === '\\' && /["\\$`]/.test(text[j + 1] ?? '')) {
        value += text[j + 1];
        j += 2;
      } else if (text[j] === '$') {
        const [expanded, next] = readExpansion(text, j);
        value += expanded;
        j = next;
      } else {
        value += text[j];
        j += 1;
      }
    }
    if (j >= text.length) throw new Error(`unclosed " in: ${text}`);
    return [value, j + 1];
  }
  if (ch === '\\') return [text[i + 1] ?? '', i + 2];
  if (ch === '$') return readExpansion(text, i);
  return [ch, i + 1];
}

/** `$NAME`, `${NAME}` or `$(…)`: a stand-in value, as any real value would parse the same way. */
function readExpansion(text: string, i: number): [string, number] {
  const rest = text.slice(i);
  const match = /^\$(?:\{[^}]*\}|\([^)]*\)|[A-Za-z_]\w*)/.exec(rest);
  if (!match) return ['$', i + 1];
  return ['VALUE', i + match[0].length];
}

/** The argument lists of every `scalebench` / `npx scalebench` command in these tokens, `sh -c` scripts included. */
export function scalebenchInvocations(tokens: Token[]): string[][] {
  const found: string[][] = [];
  let segment: string[] = [];
  const flush = () => {
    const words = segment.filter((_, index) => !isRedirectTarget(segment, index));
    segment = [];
    let start = 0;
    while (start < words.length && /^[A-Za-z_]\w*=/.test(words[start] as string)) start += 1;
    if (words[start] === 'npx' && words[start + 1] === 'scalebench') found.push(words.slice(start + 2));
    else if (words[start] === 'scalebench') found.push(words.slice(start + 1));
    words.forEach((word, index) => {
      if (index > 0 && words[index - 1] === '-c' && /^(ba)?sh$/.test(words[index - 2] ?? '')) {
        found.push(...scalebenchInvocations(shellTokens(word)));
      }
    });
  };
  let redirectNext = false;
  for (const token of tokens) {
    if (token.kind === 'op' && token.value === '2>&1') continue;
    if (token.kind === 'op' && redirections.has(token.value)) {
      redirectNext = true;
      continue;
    }
    if (token.kind === 'op') {
      flush();
      continue;
    }
    segment.push(redirectNext ? `\0${token.value}` : token.value);
    redirectNext = false;
  }
  flush();
  return found;
}

/** Redirection targets were marked with a leading NUL: they are not the command's words. */
function isRedirectTarget(words: string[], index: number): boolean {
  return (words[index] as string).startsWith('\0');
}
