/**
 * junit.xml: one <testsuite> per experiment, one <testcase> per threshold of each variant (a failed
 * threshold is a <failure>), plus one `valid run` case per variant so a saturated generator fails CI too,
 * and one <skipped> case per variant left out for a missing backend.
 */
import type { ResultsFile } from '../results/schema.ts';
import { skippedText } from './model/skipped.ts';
import { buildReportView, type ExperimentView, type VariantView } from './model/views.ts';
import type { Reporter } from './reporter.ts';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  name: string;
  classname: string;
  failure: string | null;
  skipped?: string;
}

function variantCases(suite: string, variant: VariantView): Case[] {
  const classname = `${suite}.${variant.name}`;
  const cases: Case[] = variant.thresholds.map((threshold) => ({
    name: `${threshold.metric}: ${threshold.expression}`,
    classname,
    failure: threshold.passed
      ? null
      : `${threshold.metric} ${threshold.expression} failed: actual ${threshold.actual ?? 'n/a'}`,
  }));
  cases.push({
    name: 'valid run',
    classname,
    failure: variant.valid ? null : `invalid run: ${variant.invalidReasons.join('; ') || 'no reason given'}`,
  });
  return cases;
}

function skippedCases(experiment: ExperimentView): Case[] {
  return experiment.skipped.map((skip) => ({
    name: `skipped: ${skip.service} missing`,
    classname: `${experiment.name}.${skip.name}`,
    failure: null,
    skipped: skippedText(skip),
  }));
}

function caseXml(testCase: Case): string {
  const open = `    <testcase name="${escapeXml(testCase.name)}" classname="${escapeXml(testCase.classname)}"`;
  if (testCase.skipped !== undefined) {
    return `${open}>\n      <skipped message="${escapeXml(testCase.skipped)}"/>\n    </testcase>`;
  }
  if (testCase.failure === null) return `${open}/>`;
  const message = escapeXml(testCase.failure);
  return `${open}>\n      <failure message="${message}" type="threshold">${message}</failure>\n    </testcase>`;
}

export function renderJunit(results: ResultsFile): string {
  const view = buildReportView(results);
  const suites = view.experiments.map((experiment) => {
    const cases = [
      ...experiment.variants.flatMap((variant) => variantCases(experiment.name, variant)),
      ...skippedCases(experiment),
    ];
    const failures = cases.filter((testCase) => testCase.failure !== null).length;
    const skipped = experiment.skipped.length;
    return [
      `  <testsuite name="${escapeXml(experiment.name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${escapeXml(view.createdAt)}">`,
      ...cases.map(caseXml),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="scalebench" tests="${countTag(suites, '<testcase')}" failures="${countTag(suites, '<failure')}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function countTag(suites: string[], tag: string): number {
  return suites.reduce((sum, suite) => sum + suite.split(tag).length - 1, 0);
}

export const junitReporter: Reporter = {
  format: 'junit',
  description: 'junit.xml: one test case per threshold (and per variant validity)',
  render: async (results) => [{ name: 'junit.xml', content: renderJunit(results) }],
};
