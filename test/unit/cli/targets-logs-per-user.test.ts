/**
 * `targets start` without --log-dir writes its logs under a temp folder of the user's own: one shared
 * folder made by the first user (root) refused every other user's start with EACCES.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { defaultLogFolder, parseTargetsStart } from '../../../cli/targets.ts';

it('names the folder after the user, so two users never share it', () => {
  expect(defaultLogFolder(0)).toBe('scalebench-logs-0');
  expect(defaultLogFolder(65534)).toBe('scalebench-logs-65534');
  expect(defaultLogFolder(0)).not.toBe(defaultLogFolder(65534));
  // where there are no uids (Windows), tmpdir() is the user's own already
  expect(defaultLogFolder(undefined)).toBe('scalebench-logs');
});

it('puts a start without --log-dir in it, and --log-dir where asked', () => {
  const options = parseTargetsStart('clones', {}, '/work');
  expect(options.logDir.startsWith(join(tmpdir(), defaultLogFolder(process.getuid?.())))).toBe(true);
  expect(parseTargetsStart('clones', { logDir: 'logs' }, '/work').logDir).toBe('/work/logs');
});
