/**
 * The one error type of scalebench. Every failure a user can cause or fix carries a stable code,
 * a hint that names the remedy, and the exit code the CLI ends with. Only the CLI entry prints them.
 */

export const ExitCode = {
  ok: 0,
  /** thresholds failed, regression found, or the generator saturated (invalid result) */
  failed: 1,
  /** bad input or environment (missing service, unreachable host, corrupt file) */
  badInput: 2,
  /** `compare` could not decide: too few trials or too much spread */
  inconclusive: 3,
  /** a bug in scalebench (an error it did not expect): not a verdict about the system under test */
  internal: 4,
  /** interrupted by SIGINT */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  | 'SB_ERR_INVALID_ARGUMENT'
  | 'SB_ERR_INVALID_CONFIG'
  | 'SB_ERR_SERVICE_UNAVAILABLE'
  | 'SB_ERR_TARGET_START'
  | 'SB_ERR_UNREACHABLE'
  | 'SB_ERR_TLS'
  | 'SB_ERR_PROTOCOL'
  | 'SB_ERR_RESULTS_FILE'
  | 'SB_ERR_THRESHOLDS'
  | 'SB_ERR_REGRESSION'
  | 'SB_ERR_INCONCLUSIVE'
  | 'SB_ERR_SATURATED'
  | 'SB_ERR_NO_DOCKER'
  | 'SB_ERR_INTERRUPTED'
  | 'SB_ERR_INTERNAL';

const defaultExitCodes: Record<ErrorCode, ExitCodeValue> = {
  SB_ERR_INVALID_ARGUMENT: ExitCode.badInput,
  SB_ERR_INVALID_CONFIG: ExitCode.badInput,
  SB_ERR_SERVICE_UNAVAILABLE: ExitCode.badInput,
  SB_ERR_TARGET_START: ExitCode.badInput,
  SB_ERR_UNREACHABLE: ExitCode.badInput,
  SB_ERR_TLS: ExitCode.badInput,
  SB_ERR_PROTOCOL: ExitCode.badInput,
  SB_ERR_RESULTS_FILE: ExitCode.badInput,
  SB_ERR_THRESHOLDS: ExitCode.failed,
  SB_ERR_REGRESSION: ExitCode.failed,
  SB_ERR_INCONCLUSIVE: ExitCode.inconclusive,
  SB_ERR_SATURATED: ExitCode.failed,
  SB_ERR_NO_DOCKER: ExitCode.badInput,
  SB_ERR_INTERRUPTED: ExitCode.interrupted,
  SB_ERR_INTERNAL: ExitCode.internal,
};

export interface ScalebenchErrorOptions {
  hint?: string;
  exitCode?: ExitCodeValue;
  cause?: unknown;
}

export class ScalebenchError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;

  constructor(code: ErrorCode, message: string, options: ScalebenchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ScalebenchError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? defaultExitCodes[code];
  }
}

export function isScalebenchError(error: unknown): error is ScalebenchError {
  return error instanceof ScalebenchError;
}

/** One line for the terminal: `error: <message> (<code>) — hint: <hint>`. */
export function formatError(error: ScalebenchError): string {
  const hint = error.hint ? ` — hint: ${error.hint}` : '';
  return `error: ${error.message} (${error.code})${hint}`;
}
