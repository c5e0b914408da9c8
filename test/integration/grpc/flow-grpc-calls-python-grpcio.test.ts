/**
 * vu.grpc in a flow, against the Python grpcio server that counts its calls: a unary call whose decoded
 * response feeds a check, then a server-streaming call; each is a step of its own whose calls the server
 * counted exactly, with the stream's messages and time to first message recorded; a threshold
 * `grpc_req_duration{name:add}` judges the unary step alone. A message that does not fit its type stops
 * the run with exit-2 input error naming the field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { GRPC_COUNTERS } from '../../../load/grpc/grpc-call-user.ts';
import { defineFlow } from '../../../load-model/flows/define-flow.ts';
import type { GrpcResponse } from '../../../load-model/flows/types.ts';
import { evaluateThresholds, parseThresholds } from '../../../load-model/thresholds.ts';
import { trialMetricSource } from '../../../orchestration/run/trial-metrics.ts';
import {
  COUNTER_PROTO,
  findGrpcPython,
  GRPC_PYTHON_NEED,
  startCountingServer,
} from '../../helpers/grpc-python-server.ts';
import { requireSetup } from '../../helpers/requires-tool.ts';

describe('vu.grpc in a flow', () => {
  let python: string | undefined;
  beforeAll(async () => {
    python = await findGrpcPython();
  });

  it('unary and streaming steps, counted as the server counted them, judged by a step threshold', async (ctx) => {
    requireSetup(ctx, python !== undefined, GRPC_PYTHON_NEED);
    const server = await startCountingServer(python!);
    const seen: GrpcResponse[] = [];
    const flow = defineFlow({
      name: 'grpc flow',
      grpc: { target: `grpc://127.0.0.1:${server.port}`, proto: COUNTER_PROTO },
      async iteration(vu) {
        const added = await vu.grpc(
          'add',
          'counter.Counter/Add',
          { name: `vu-${vu.id}`, amount: 2, kind: 'FAST' },
          {
            metadata: { 'x-run': 'flow' },
            deadline: 5000,
            checks: { echoed: (r) => r.message?.['echo'] === `vu-${vu.id}` },
          },
        );
        if (seen.length < 1) seen.push(added);
        const watched = await vu.grpc('watch', 'counter.Counter/Watch', { count: 3, size: 10 });
        if (seen.length < 2) seen.push(watched);
      },
    });
    const outcome = await runLoad({
      baseUrl: 'http://127.0.0.1:9/',
      executor: { executor: 'constant-vus', vus: 3, duration: 1500 },
      flow,
      saturation: { maxScheduleLagP99Ms: 1e9, maxEventLoopDelayP99Ms: 1e9 },
    });
    const counts = await server.stop();
    const steps = Object.fromEntries(outcome.summary.steps.map((step) => [step.name, step]));
    expect(steps['add']!.requests).toBe(counts.calls['Add']);
    expect(steps['watch']!.requests).toBe(counts.calls['Watch']);
    expect(outcome.summary.errors).toBe(0);
    expect(outcome.summary.checks['echoed']!.fails).toBe(0);
    expect(outcome.summary.checks['echoed']!.passes).toBe(counts.calls['Add']);
    expect(outcome.counters[GRPC_COUNTERS.streamMessages]).toBe(counts.messages_sent);
    expect(outcome.trends['grpc_stream_first_message']!.count).toBe(counts.calls['Watch']);
    expect(seen[0]).toMatchObject({
      status: 'OK',
      ok: true,
      message: { echo: expect.stringMatching(/^vu-/) },
    });
    expect(typeof seen[0]!.message!['total']).toBe('string'); // int64 as a string, as proto-loader gives it
    expect(seen[1]!.messages.map((m) => m['seq'])).toEqual([0, 1, 2]);
    expect(seen[1]!.firstMessageMs).toBeGreaterThan(0);

    const { thresholds } = parseThresholds({
      'grpc_req_duration{name:add}': ['p(99)<60000', 'count>0'],
      'grpc_req_duration{name:watch}': ['max<0'],
    });
    const judged = evaluateThresholds(
      thresholds,
      trialMetricSource({
        summary: outcome.summary,
        histograms: outcome.histograms,
        counters: outcome.counters,
        correctness: {},
      }),
    );
    expect(judged.map((r) => [r.metric, r.expression, r.passed])).toEqual([
      ['grpc_req_duration{name:add}', 'p(99)<60000', true],
      ['grpc_req_duration{name:add}', 'count>0', true],
      ['grpc_req_duration{name:watch}', 'max<0', false],
    ]);
    expect(judged[1]!.actual).toBe(counts.calls['Add']);
  });

  it('a message that does not fit stops the run with an input error naming the field', async (ctx) => {
    requireSetup(ctx, python !== undefined, GRPC_PYTHON_NEED);
    const server = await startCountingServer(python!);
    const flow = defineFlow({
      name: 'bad message',
      grpc: { target: `grpc://127.0.0.1:${server.port}`, proto: COUNTER_PROTO },
      async iteration(vu) {
        await vu.grpc('add', 'counter.Counter/Add', { name: 'x', amout: 1 });
      },
    });
    await expect(
      runLoad({
        baseUrl: 'http://127.0.0.1:9/',
        executor: { executor: 'constant-vus', vus: 1, duration: 500 },
        flow,
        saturation: { maxScheduleLagP99Ms: 1e9, maxEventLoopDelayP99Ms: 1e9 },
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("field 'amout' is not in message counter.AddRequest"),
    });
    const counts = await server.stop();
    expect(counts.calls).toEqual({});
  });
});
