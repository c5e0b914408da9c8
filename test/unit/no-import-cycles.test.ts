import { expect, it } from 'vitest';
import { importCycles, readImportGraph } from '../helpers/import-graph.ts';

it('no source file imports itself back, directly or round a loop', () => {
  const graph = readImportGraph();
  expect(graph.size).toBeGreaterThan(100);
  expect(importCycles(graph)).toEqual([]);
});

it('a loop of imports is found', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']],
  ]);
  expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
});
