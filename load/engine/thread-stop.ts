/**
 * What ends a thread's schedule early: the caller's abort (Ctrl-C, a suite's signal) or a fatal flow
 * error (a data file that cannot be used), whose first one is kept and thrown once the schedule ends.
 */
import type { ScalebenchError } from '../../core/errors.ts';

export class ThreadStop {
  private readonly controller = new AbortController();
  private firstError: ScalebenchError | undefined;
  private readonly forward = () => this.controller.abort();

  /** the caller's signal outlives this thread (a suite runs many): release() removes its listener */
  constructor(private readonly signal: AbortSignal | undefined) {
    if (signal?.aborted) this.controller.abort();
    else signal?.addEventListener('abort', this.forward, { once: true });
  }

  /** aborted by the caller or by a fatal error */
  get stopSignal(): AbortSignal {
    return this.controller.signal;
  }

  get fatal(): ScalebenchError | undefined {
    return this.firstError;
  }

  readonly fail = (error: ScalebenchError): void => {
    this.firstError ??= error;
    this.controller.abort();
  };

  release(): void {
    this.signal?.removeEventListener('abort', this.forward);
  }
}
