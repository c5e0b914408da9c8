import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { typeCheck } from './type-check-k6.ts';

const typesModule = fileURLToPath(new URL('../../../scenarios/types.ts', import.meta.url));
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-k6-stub-'));
  await writeFile(
    join(dir, 'scalebench.config.ts'),
    `import { defineConfig } from ${JSON.stringify(typesModule)};
export default defineConfig({
  experiments: [
    {
      name: 'checkout',
      title: 'Checkout under load',
      description: 'a user experiment',
      target: 'http://127.0.0.1:9999',
      variants: [{ name: 'only', params: {} }],
      profiles: {
        quick: { executor: { executor: 'constant-vus', vus: 3, duration: '5s' }, warmup: '1s' },
        full: { executor: { executor: 'ramping-arrival-rate', startRate: 5, stages: [{ duration: '20s', target: 50 }] }, warmup: '2s' },
      },
      flow: { module: './checkout-flow.ts', exportName: 'checkoutFlow' },
      counters: ['paymentsDeclined'],
      thresholds: { paymentsDeclined: ['count<5'], http_req_failed: ['rate<0.01'] },
    },
  ],
});
`,
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export k6 of an experiment whose flow is not built in', () => {
  it('writes a stub with a TODO, its counters and thresholds, and warns in one line', async () => {
    const out = join(dir, 'checkout.js');
    const result = await runCliInProcess(['export', 'k6', 'checkout', '--out', out], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      "warning: flow 'checkoutFlow' is not built in: the k6 script has a TODO stub in its place\n",
    );
    const script = await readFile(out, 'utf8');
    expect(script).toContain(
      "// TODO: scalebench cannot translate the flow 'checkoutFlow' of ./checkout-flow.ts to k6.",
    );
    expect(script).toContain('"paymentsDeclined": new Counter("paymentsDeclined")');
    expect(script).toContain('"executor": "ramping-arrival-rate"');
    expect(script).toContain('"paymentsDeclined": [\n      "count<5"\n    ]');
    // an experiment aimed at a URL uses it as the default BASE_URL
    expect(script).toContain('__ENV.BASE_URL || "http://127.0.0.1:9999"');
    const checked = await typeCheck(dir, ['checkout.js']);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it('an unknown experiment or profile is a one-line input error', async () => {
    const unknown = await runCliInProcess(['export', 'k6', 'nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no experiment named nope.*hint: pick from clones/);
    const profile = await runCliInProcess(['export', 'k6', 'clones', '--profile', 'huge'], { cwd: dir });
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(/--profile 'huge' is unknown/);
  });
});
