/**
 * Issue 23's size limits, read from the source itself: no source file over 300 lines, and no function
 * with a body over 60 lines, except the response parser's state machine (`feed`), which reads best as
 * one switch. A function is named by the functions around it (`outer > inner`), an unnamed one by the
 * variable or property that holds it, else `(anonymous)`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { readImportGraph, repoRoot } from '../helpers/import-graph.ts';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;

/** the one function allowed over the limit: the parser's state machine */
const allowed = ['load/http/response-parser.ts: ResponseParser.feed'];

interface Measured {
  file: string;
  lines: number;
  /** `file: name` → lines, for every function-like node with a body */
  functions: Map<string, number>;
}

/** the .ts files git has (tracked, or new and not ignored) outside test/, relative to the repository root */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const files = listed.split('\n').filter((file) => file !== '' && !file.startsWith('test/'));
  return [...new Set(files)].filter((file) => existsSync(join(repoRoot, file)));
}

function ownName(node: ts.SignatureDeclaration): string {
  const named = node.name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
  const held = named ?? (ts.isPropertyAssignment(node.parent) ? node.parent.name : undefined);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return held && !ts.isComputedPropertyName(held) ? held.getText() : '(anonymous)';
}

function qualifiedName(node: ts.SignatureDeclaration, outer: string[]): string {
  const own = ownName(node);
  const owner = ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
  return [...outer, `${owner}${own}`].join(' > ');
}

function measure(file: string): Measured {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line;
  const functions = new Map<string, number>();
  const visit = (node: ts.Node, outer: string[]): void => {
    let inner = outer;
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const name = qualifiedName(node, outer);
      const lines = lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
      functions.set(`${file}: ${name}`, Math.max(lines, functions.get(`${file}: ${name}`) ?? 0));
      inner = name.split(' > ');
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, []);
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return { file, lines, functions };
}

const measured = sourceFiles().map(measure);
const functionLines = new Map(measured.flatMap(({ functions }) => [...functions]));

it('reads every source file, those the import graph sees among them', () => {
  expect(measured.length).toBeGreaterThan(100);
  const read = new Set(measured.map(({ file }) => file));
  const unread = [...readImportGraph().keys()].filter((file) => file.endsWith('.ts') && !read.has(file));
  expect(unread).toEqual([]);
});

it(`no source file is over ${MAX_FILE_LINES} lines`, () => {
  const over = measured
    .filter(({ lines }) => lines > MAX_FILE_LINES)
    .map(({ file, lines }) => `${file} ${lines}`);
  expect(over).toEqual([]);
});

it(`no function is over ${MAX_FUNCTION_LINES} lines but the response parser's state machine`, () => {
  const skipped = new Set(allowed);
  const over = [...functionLines]
    .filter(([site, lines]) => lines > MAX_FUNCTION_LINES && !skipped.has(site))
    .map(([site, lines]) => `${site} ${lines}`);
  expect(over).toEqual([]);
});

it('the allowed exception names a function that exists', () => {
  expect(allowed.filter((site) => !functionLines.has(site))).toEqual([]);
});
