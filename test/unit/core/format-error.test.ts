import { describe, expect, it } from 'vitest';
import { ExitCode, formatError, isScalebenchError, ScalebenchError } from '../../../core/errors.ts';

describe('ScalebenchError and formatError', () => {
  it('formats one line with the code and the hint', () => {
    const error = new ScalebenchError('SB_ERR_SERVICE_UNAVAILABLE', 'Redis does not answer', {
      hint: 'apt-get install redis-server',
    });
    const line = formatError(error);
    expect(line).toBe(
      'error: Redis does not answer (SB_ERR_SERVICE_UNAVAILABLE) — hint: apt-get install redis-server',
    );
    expect(line).not.toContain('\n');
  });

  it('omits the hint when there is none', () => {
    expect(formatError(new ScalebenchError('SB_ERR_INTERNAL', 'boom'))).toBe('error: boom (SB_ERR_INTERNAL)');
  });

  it('takes the exit code from the error code unless given one', () => {
    expect(new ScalebenchError('SB_ERR_INVALID_ARGUMENT', 'x').exitCode).toBe(ExitCode.badInput);
    expect(new ScalebenchError('SB_ERR_THRESHOLDS', 'x').exitCode).toBe(ExitCode.failed);
    expect(new ScalebenchError('SB_ERR_INCONCLUSIVE', 'x').exitCode).toBe(ExitCode.inconclusive);
    expect(new ScalebenchError('SB_ERR_INTERRUPTED', 'x').exitCode).toBe(ExitCode.interrupted);
    expect(new ScalebenchError('SB_ERR_INTERNAL', 'x', { exitCode: ExitCode.badInput }).exitCode).toBe(2);
  });

  it('is recognised by isScalebenchError and keeps its cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new ScalebenchError('SB_ERR_UNREACHABLE', 'x', { cause });
    expect(isScalebenchError(error)).toBe(true);
    expect(isScalebenchError(new Error('x'))).toBe(false);
    expect(error.cause).toBe(cause);
  });
});
