/**
 * `scalebench export k6` of an experiment whose flow calls vu.grpc: each call read from the flow's source
 * becomes a k6/net/grpc call with the step's name (a grpc.Stream for a streaming method), what cannot be
 * read (a message built at run time) a TODO with a warning, and the step thresholds k6's gRPC names.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { COUNTER_PROTO } from '../../helpers/grpc-python-server.ts';
import { typeCheck } from './type-check-k6.ts';

const typesModule = fileURLToPath(new URL('../../../scenarios/types.ts', import.meta.url));
const defineFlowModule = fileURLToPath(new URL('../../../load-model/flows/define-flow.ts', import.meta.url));
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-k6-grpc-flow-'));
  await writeFile(
    join(dir, 'counter-flow.ts'),
    `import { defineFlow } from ${JSON.stringify(defineFlowModule)};
export const counterFlow = defineFlow({
  name: 'counter',
  grpc: { target: (params) => String(params.grpcTarget), proto: ${JSON.stringify(COUNTER_PROTO)} },
  async iteration(vu) {
    const added = await vu.grpc('AddOne', 'counter.Counter/Add', { name: 'k6', amount: 1, tags: ['a', 'b'], }, {
      metadata: { authorization: 'Bearer abc' },
      deadline: 500,
      checks: { counted: (r) => r.message?.total !== '0' },
    });
    if (!added.ok) return;
    const ticks = await vu.grpc('Watch', 'counter.Counter/Watch', { count: Number(added.message?.total) % 5 });
    vu.count('ticks', ticks.messages.length);
  },
});
`,
  );
  await writeFile(
    join(dir, 'scalebench.config.ts'),
    `import { defineConfig } from ${JSON.stringify(typesModule)};
export default defineConfig({
  experiments: [
    {
      name: 'counting',
      title: 'Counting over gRPC',
      description: 'a user experiment with gRPC steps',
      target: 'http://127.0.0.1:9999',
      variants: [{ name: 'only', params: {} }],
      profiles: {
        quick: { executor: { executor: 'constant-vus', vus: 2, duration: '5s' }, warmup: '1s' },
        full: { executor: { executor: 'constant-arrival-rate', rate: 20, duration: '20s' }, warmup: '2s' },
      },
      flow: { module: './counter-flow.ts', exportName: 'counterFlow' },
      flowParams: { grpcTarget: 'grpc://10.0.0.7:50051' },
      counters: ['ticks'],
      thresholds: {
        'grpc_req_duration{name:AddOne}': ['p(99)<50'],
        'http_req_failed{name:AddOne}': ['rate<0.01'],
        'grpc_req_duration{name:Watch}': ['p(90)<200'],
        http_req_failed: ['rate<0.05'],
      },
    },
  ],
});
`,
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export k6 of a flow that calls vu.grpc', () => {
  it('its calls as k6/net/grpc calls named for their steps, TODOs where it cannot read them, k6 threshold names', async () => {
    const out = join(dir, 'counting.js');
    const result = await runCliInProcess(['export', 'k6', 'counting', '--out', out], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings[0]).toBe(
      "warning: flow 'counterFlow' is not built in: the k6 script makes its 2 vu.grpc calls in source order; the rest of its iteration is a TODO",
    );
    expect(warnings).toContain(
      "warning: vu.grpc('AddOne') at ./counter-flow.ts:6: checks not translated to k6",
    );
    expect(warnings).toContain(
      "warning: vu.grpc('Watch') at ./counter-flow.ts:12: its message is not a literal; the k6 script sends {} with a TODO",
    );
    expect(warnings).toContain(
      "warning: threshold 'grpc_req_duration{name:Watch}' selects the gRPC step Watch, for which k6 records no grpc_req_duration: it will see no data in k6",
    );
    const script = await readFile(out, 'utf8');
    expect(script).toContain("import grpc from 'k6/net/grpc';");
    expect(script).toContain('const GRPC_ADDR = __ENV.GRPC_ADDR || "10.0.0.7:50051";');
    expect(script).toContain('client.connect(GRPC_ADDR, { plaintext: true });');
    expect(script).toContain(
      'client.invoke("counter.Counter/Add", {"name":"k6","amount":1,"tags":["a","b"]}, { metadata: {"authorization":"Bearer abc"}, timeout: "500ms", tags: { name: "AddOne" } });',
    );
    expect(script).toContain(
      'new grpc.Stream(client, "counter.Counter/Watch", { timeout: TIMEOUT, tags: { name: "Watch" } });',
    );
    expect(script).toContain('// TODO: the message was { count: Number(added.message?.total) % 5 }');
    expect(script).toContain('"grpc_req_duration{name:AddOne}": [\n      "p(99)<50"\n    ]');
    expect(script).toContain('"checks{name:AddOne}": [\n      "rate>0.99"\n    ]');
    expect(script).toContain('"http_req_failed": [\n      "rate<0.05"\n    ]');
    expect(script).toContain('"ticks": new Counter("ticks")');
    const checked = await typeCheck(dir, ['counting.js']);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });
});
