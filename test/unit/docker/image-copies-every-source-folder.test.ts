/** The image runs the TypeScript sources as they are, so it must copy every folder the code lives in. */
import { expect, it } from 'vitest';
import { sourceFolders } from '../../helpers/import-graph.ts';
import { readDockerfile } from './docker-files.ts';

it('copies every source folder into the image', () => {
  const copied = readDockerfile()
    .filter((step) => step.keyword === 'COPY' && !step.args.startsWith('--from'))
    .map((step) => step.args.split(/\s+/)[0]);
  const folders = sourceFolders();
  expect(folders).toContain('core');
  expect(folders.filter((folder) => !copied.includes(folder))).toEqual([]);
});
