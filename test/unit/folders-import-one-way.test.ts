import { describe, expect, it } from 'vitest';
import { folderArrows, readImportGraph } from '../helpers/import-graph.ts';

const arrows = folderArrows(readImportGraph());

/** the files behind arrows out of `folder` to anything but `allowed` */
function importsOutside(folder: string, allowed: string[]): string[] {
  return [...arrows]
    .filter(([arrow]) => arrow.startsWith(`${folder} -> `))
    .filter(([arrow]) => !allowed.includes(arrow.slice(folder.length + 4)))
    .flatMap(([, files]) => files);
}

describe('source folders import one way (docs/layout.md)', () => {
  it('no two folders import each other', () => {
    const mutual = [...arrows.keys()].filter((arrow) => {
      const [from, to] = arrow.split(' -> ');
      return from! < to! && arrows.has(`${to} -> ${from}`);
    });
    expect(mutual).toEqual([]);
  });

  it('core/ imports nothing outside itself', () => {
    expect(importsOutside('core', [])).toEqual([]);
  });

  it('results/ imports nothing but core/', () => {
    expect(importsOutside('results', ['core'])).toEqual([]);
  });

  it('the load-model vocabulary imports nothing but results/ and core/', () => {
    expect(importsOutside('load-model', ['results', 'core'])).toEqual([]);
  });

  it('load/ generates load from the load model: imports nothing but load-model/, results/ and core/', () => {
    expect(importsOutside('load', ['load-model', 'results', 'core'])).toEqual([]);
  });

  it('orchestration/ runs experiments and is run by the commands: only cli/ imports it, it imports no cli/', () => {
    const into = [...arrows]
      .filter(([arrow]) => arrow.endsWith(' -> orchestration') && !arrow.startsWith('cli -> '))
      .flatMap(([, files]) => files);
    expect(into).toEqual([]);
    expect(arrows.get('orchestration -> cli') ?? []).toEqual([]);
  });

  it('reports/ read results only', () => {
    expect(importsOutside('reports', ['results', 'core'])).toEqual([]);
  });

  it('sees the arrows it judges', () => {
    expect(arrows.get('orchestration -> scenarios')?.length).toBeGreaterThan(0);
    expect(arrows.get('orchestration -> load')?.length).toBeGreaterThan(0);
    expect(arrows.get('reports -> results')?.length).toBeGreaterThan(0);
  });
});
