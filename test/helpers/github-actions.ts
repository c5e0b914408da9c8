/**
 * Plays the parts of GitHub Actions that scalebench's action and docs/ci-gate.md's workflow rely on, so a
 * test can run them here: a zod schema of a composite action (and of the workflow steps we use), `${{ }}`
 * expressions that are plain context look-ups (`inputs.x`, `github.action_path`, `steps.id.outputs.y`),
 * and `run:` steps executed as GitHub does (`bash --noprofile --norc -eo pipefail`) with
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH, GITHUB_ENV and RUNNER_TEMP pointed at temp files.
 * Anything richer (functions such as hashFiles, `if:` conditions) is left to the test to decide.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const stringMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));

export const stepSchema = z
  .object({
    name: z.string().optional(),
    id: z.string().optional(),
    if: z.string().optional(),
    uses: z.string().optional(),
    with: stringMap.optional(),
    run: z.string().optional(),
    shell: z.string().optional(),
    env: stringMap.optional(),
    'working-directory': z.string().optional(),
  })
  .strict()
  .refine((step) => (step.uses === undefined) !== (step.run === undefined), 'a step has either uses or run');
export type Step = z.infer<typeof stepSchema>;

/** action.yml of a composite action: https://docs.github.com/actions/reference/metadata-syntax */
export const compositeActionSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    author: z.string().optional(),
    branding: z.object({ icon: z.string(), color: z.string() }).optional(),
    inputs: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/),
        z
          .object({
            description: z.string().min(1),
            required: z.boolean().optional(),
            default: z.string().optional(),
            deprecationMessage: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    outputs: z
      .record(z.string(), z.object({ description: z.string().min(1), value: z.string() }).strict())
      .optional(),
    runs: z
      .object({
        using: z.literal('composite'),
        steps: z
          .array(
            stepSchema.refine(
              (step) => step.run === undefined || step.shell !== undefined,
              'a composite run step needs shell',
            ),
          )
          .min(1),
      })
      .strict(),
  })
  .strict();
export type CompositeAction = z.infer<typeof compositeActionSchema>;

export const workflowSchema = z.object({
  name: z.string(),
  on: z.unknown(),
  jobs: z.record(z.string(), z.object({ 'runs-on': z.string(), steps: z.array(stepSchema) })),
});

export async function readYaml(path: string): Promise<unknown> {
  return parse(await readFile(path, 'utf8'));
}

export type Context = Record<string, unknown>;

/** `${{ a.b.c }}` → the value at that path of the context; anything else fails the test loudly */
export function evaluate(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (!/^[A-Za-z_][\w-]*(\.[\w-]+)*$/.test(expression))
      throw new Error(`expression not supported here: ${expression}`);
    let value: unknown = context;
    for (const part of expression.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** `name=value` lines and `name<<DELIM` blocks, as GitHub reads GITHUB_OUTPUT */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

export interface Runner {
  /** a temp folder: RUNNER_TEMP, and the GitHub files */
  temp: string;
  workspace: string;
  summaryPath: string;
  /** folders steps added to PATH through GITHUB_PATH */
  path: string[];
  env: Record<string, string | undefined>;
}

export interface StepRun {
  code: number;
  output: string;
  outputs: Record<string, string>;
}

/** Runs one `run:` step (its env and working-directory already evaluated) the way GitHub does. */
export async function runStep(
  runner: Runner,
  script: string,
  env: Record<string, string>,
  cwd: string,
): Promise<StepRun> {
  const id = Math.random().toString(36).slice(2);
  const outputFile = join(runner.temp, `output-${id}`);
  const pathFile = join(runner.temp, `path-${id}`);
  const scriptFile = join(runner.temp, `step-${id}.sh`);
  await Promise.all([writeFile(outputFile, ''), writeFile(pathFile, ''), writeFile(scriptFile, script)]);
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {
    cwd: resolve(runner.workspace, cwd),
    env: {
      ...runner.env,
      PATH: [...runner.path, runner.env['PATH'] ?? ''].join(delimiter),
      GITHUB_OUTPUT: outputFile,
      GITHUB_PATH: pathFile,
      GITHUB_ENV: join(runner.temp, `env-${id}`),
      GITHUB_STEP_SUMMARY: runner.summaryPath,
      GITHUB_WORKSPACE: runner.workspace,
      RUNNER_TEMP: runner.temp,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number>((done) => child.once('close', (status) => done(status ?? 128)));
  const added = (await readFile(pathFile, 'utf8')).split('\n').filter(Boolean);
  runner.path.unshift(...added.reverse());
  return { code, output, outputs: parseOutputFile(await readFile(outputFile, 'utf8')) };
}

export interface ActionRun {
  /** the first failing step's code, else 0 */
  code: number;
  output: string;
  outputs: Record<string, string>;
}

/** Runs a composite action's steps in order with `inputs` (defaults filled in), stopping at a failure. */
export async function runCompositeAction(
  runner: Runner,
  action: CompositeAction,
  actionPath: string,
  inputs: Record<string, string>,
  github: Context,
): Promise<ActionRun> {
  const withDefaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {}))
    withDefaults[name] = inputs[name] ?? spec.default ?? '';
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const context = () => ({ inputs: withDefaults, github: { ...github, action_path: actionPath }, steps });
  let output = '';
  let code = 0;
  for (const step of action.runs.steps) {
    if (step.run === undefined)
      throw new Error(`composite step ${step.name} uses an action: not played here`);
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, context())]),
    );
    const cwd = evaluate(step['working-directory'] ?? '.', context());
    const result = await runStep(
      runner,
      evaluate(step.run, context()),
      { ...env, GITHUB_ACTION_PATH: actionPath },
      cwd,
    );
    output += result.output;
    if (step.id) steps[step.id] = { outputs: result.outputs };
    if (result.code !== 0) {
      code = result.code;
      break;
    }
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([name, spec]) => [name, evaluate(spec.value, context())]),
  );
  return { code, output, outputs };
}
