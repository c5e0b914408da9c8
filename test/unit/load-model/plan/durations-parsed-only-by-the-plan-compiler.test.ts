/**
 * Durations are read once, at the edge: the CLI's flag parsing, the plan compiler (compile-plan.ts and
 * the executor modules' normalize), and the checks that tell a bad duration apart. Everything below
 * (engine, pacer, exporters, reports, and `run`'s orchestration, which reads its suite as compiled by
 * orchestration/run/compile-suite.ts through the plan compiler) reads milliseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportGraph, repoRoot } from '../../../helpers/import-graph.ts';

const PARSING = /\b(?:toMs|durationMs|parseDuration)\(/;

/** where a duration may be parsed, and why */
const allowed: Record<string, string> = {
  'load-model/duration.ts': 'the duration syntax itself',
  'load-model/check.ts': 'checks that a duration is one, with its path',
  'load-model/plan/compile-plan.ts':
    "the plan compiler: warm-up, timeout, graceful stop, and run's fault times and capacity steps",
  'load-model/executors/constant-arrival-rate.ts': 'its normalize (compiler)',
  'load-model/executors/constant-vus.ts': 'its normalize (compiler)',
  'load-model/executors/open-model.ts': 'timeUnit, compiled by the open models',
  'load-model/executors/stages.ts': 'stages, compiled by the ramping models',
  'scenarios/validate.ts': "an experiment's checks: fault times and capacity steps",
  'scenarios/profiles.ts': "the built-in profiles' default warm-up, built as data",
};

const isEdge = (file: string) => file.startsWith('cli/') || file in allowed;

describe('durations are parsed only by the plan compiler and the CLI', () => {
  const files = [...readImportGraph().keys()];

  it('no other source file parses a duration', () => {
    const parsing = files.filter((file) => PARSING.test(readFileSync(join(repoRoot, file), 'utf8')));
    expect(parsing.filter((file) => !isEdge(file))).toEqual([]);
  });

  it('the allow-list names files that exist and still parse', () => {
    for (const file of Object.keys(allowed)) {
      expect(files, file).toContain(file);
      expect(PARSING.test(readFileSync(join(repoRoot, file), 'utf8')), file).toBe(true);
    }
  });
});
