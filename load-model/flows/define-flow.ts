/** Identity helper that types a flow definition. Export the result by name to use it in worker threads. */
import type { FlowDefinition } from './types.ts';

export function defineFlow<Shared = undefined>(flow: FlowDefinition<Shared>): FlowDefinition<Shared> {
  return flow;
}
