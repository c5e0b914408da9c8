import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../cli/context.ts';
import { parseRunOptions, type RunFlags } from '../../../cli/run.ts';
import { ScalebenchError } from '../../../core/errors.ts';

const ctx = { cwd: '/tmp' } as CliContext;
const flags: RunFlags = { out: 'out', format: 'json', stack: 'local' };

describe('run --max-body', () => {
  it('is each experiment’s own cap unless given, then a whole number of bytes', () => {
    expect(parseRunOptions([], flags, ctx).maxBody).toBeUndefined();
    expect(parseRunOptions([], { ...flags, maxBody: '65536' }, ctx).maxBody).toBe(65_536);
  });

  it('refuses a cap below one byte or not a number, as bad input', () => {
    for (const maxBody of ['0', '-5', 'lots', '1.5']) {
      const parse = () => parseRunOptions([], { ...flags, maxBody }, ctx);
      expect(parse).toThrow(ScalebenchError);
      expect(parse).toThrow(/--max-body/);
    }
  });
});
