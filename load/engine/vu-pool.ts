/**
 * Virtual users available to an open model (k6 preAllocatedVUs → maxVUs): an arrival takes an idle
 * VU, or creates one while under the maximum, or is dropped (the caller counts it).
 */
import type { IterationEnd } from './fast-fail-backoff.ts';

export interface IterationRunner {
  /** 'failed' lets the closed model back off a VU whose iterations fail at once (fast-fail-backoff.ts) */
  runIteration(intendedAt: number): Promise<IterationEnd | undefined> | Promise<void>;
  /** Optional closed-model fast path: iterations back to back while `more()`, each intended at `now()`. */
  runLoop?(more: () => boolean, now: () => number): Promise<void>;
}

export type VuFactory = (id: number) => IterationRunner;

export class VuPool {
  private readonly idle: IterationRunner[] = [];
  private created = 0;
  private busy = 0;

  constructor(
    private readonly factory: VuFactory,
    preAllocated: number,
    private readonly max: number,
  ) {
    for (let i = 0; i < preAllocated; i += 1) this.idle.push(this.create());
  }

  acquire(): IterationRunner | null {
    const vu = this.idle.pop() ?? (this.created < this.max ? this.create() : null);
    if (vu) this.busy += 1;
    return vu;
  }

  release(vu: IterationRunner): void {
    this.busy -= 1;
    this.idle.push(vu);
  }

  get active(): number {
    return this.busy;
  }

  get size(): number {
    return this.created;
  }

  private create(): IterationRunner {
    const vu = this.factory(this.created);
    this.created += 1;
    return vu;
  }
}
