/**
 * An error scalebench did not expect is a bug, not a verdict: it exits 4 (not 1, which means thresholds
 * failed or a regression) with one SB_ERR_INTERNAL line asking for a report.
 */
import { describe, expect, it } from 'vitest';
import { ExitCode, ScalebenchError } from '../../../core/errors.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

describe('an unexpected error', () => {
  it('exits with the internal exit code and one SB_ERR_INTERNAL line', async () => {
    const result = await runCliInProcess(['--version'], {
      onStdout: () => {
        throw new Error('stdout exploded');
      },
    });
    expect(result.code).toBe(ExitCode.internal);
    expect(ExitCode.internal).toBe(4);
    expect(result.stderr).toBe(
      'error: internal error: stdout exploded (SB_ERR_INTERNAL) — hint: rerun with --verbose and report it\n',
    );
  });

  it('is the exit code of a ScalebenchError coded SB_ERR_INTERNAL', () => {
    expect(new ScalebenchError('SB_ERR_INTERNAL', 'worker crashed').exitCode).toBe(ExitCode.internal);
  });
});
