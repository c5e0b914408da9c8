/**
 * action.yml is a valid composite action (a zod schema of GitHub's metadata syntax), every expression in
 * it names an input or step that exists, and the CI gate page's workflow example (docs/ci-gate.md) is docs/ci/perf-gate.yml
 * verbatim, using only inputs the action declares.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compositeActionSchema, readYaml, workflowSchema } from '../../helpers/github-actions.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('action.yml', () => {
  it('matches the composite action schema', async () => {
    const parsed = compositeActionSchema.safeParse(await readYaml(`${root}action.yml`));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('refers only to inputs and steps it declares', async () => {
    const text = await readFile(`${root}action.yml`, 'utf8');
    const action = compositeActionSchema.parse(await readYaml(`${root}action.yml`));
    const inputs = [...text.matchAll(/\$\{\{\s*inputs\.([\w-]+)/g)].map((m) => m[1]);
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) expect(Object.keys(action.inputs ?? {})).toContain(input);
    const ids = action.runs.steps.map((step) => step.id).filter(Boolean);
    for (const [, id] of text.matchAll(/\$\{\{\s*steps\.([\w-]+)\./g)) expect(ids).toContain(id);
    expect(Object.keys(action.outputs ?? {})).toEqual(['verdict', 'report-path']);
  });
});

describe('the CI gate page workflow example', () => {
  it('is docs/ci/perf-gate.yml, word for word, and uses the action with declared inputs only', async () => {
    const workflowText = await readFile(`${root}docs/ci/perf-gate.yml`, 'utf8');
    const page = await readFile(`${root}docs/ci-gate.md`, 'utf8');
    expect(page).toContain(`\`\`\`yaml\n${workflowText}\`\`\``);
    const workflow = workflowSchema.parse(await readYaml(`${root}docs/ci/perf-gate.yml`));
    const action = compositeActionSchema.parse(await readYaml(`${root}action.yml`));
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const gate = steps.filter((step) => /\/scalebench@/.test(step.uses ?? ''));
    expect(gate).toHaveLength(1);
    for (const input of Object.keys(gate[0]!.with ?? {}))
      expect(Object.keys(action.inputs ?? {})).toContain(input);
  });
});
