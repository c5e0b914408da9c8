/**
 * What the users that send only prepared requests (SingleRequestUser, TargetListUser) share: a
 * response counted under its step, and the closed-model loop. With a client that has `sendWith`, a VU
 * runs its iterations back to back in callbacks: the response's arrival sends the next request
 * synchronously, with no promise per request; otherwise one awaited send after another.
 */
import { classifyStatus } from '../http/classify-error.ts';
import type { HttpClient, HttpResult, PreparedRequest } from '../http/types.ts';
import type { MetricsAccumulator } from './metrics.ts';

/** a request prepared once, and the MetricsAccumulator.stepIndex it counts under */
export interface PreparedTarget {
  request: PreparedRequest;
  step: number;
}

/** Counts one exchange under its step: its times, its error class (transport or status), its instance. */
export function countRequest(
  metrics: MetricsAccumulator,
  step: number,
  intendedAt: number,
  result: HttpResult,
): void {
  metrics.addRequest(
    step,
    intendedAt,
    result.sentAt,
    result.doneAt,
    result.errorClass ?? classifyStatus(result.status),
    result.servedBy,
  );
}

/** what a send loop runs: the client, the next request to send, and where each result goes */
export interface SendLoop {
  client: HttpClient;
  /** the request to send and its step, picked when it is due */
  next: () => PreparedTarget;
  record: (step: number, intendedAt: number, result: HttpResult) => void;
  /** false once the VU should stop */
  more: () => boolean;
  now: () => number;
}

/** Sends `next()`'s request, due at `now()`, while `more()`; every result goes to `record`. */
export function runSendLoop(loop: SendLoop): Promise<void> {
  const { client, next, record, more, now } = loop;
  if (!client.sendWith) return loopOnPromises(loop);
  return new Promise((resolve) => {
    let intendedAt = 0;
    let step = 0;
    const onResult = (result: HttpResult) => {
      record(step, intendedAt, result);
      send();
    };
    const send = () => {
      if (!more()) {
        resolve();
        return;
      }
      intendedAt = now();
      const target = next();
      step = target.step;
      client.sendWith!(target.request, onResult);
    };
    send();
  });
}

async function loopOnPromises({ client, next, record, more, now }: SendLoop): Promise<void> {
  while (more()) {
    const intendedAt = now();
    const target = next();
    record(target.step, intendedAt, await client.send(target.request));
  }
}
