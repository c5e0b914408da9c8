/**
 * junit.xml: one <testsuite> per experiment, one <testcase> per threshold of each variant (a failed
 * threshold is a <failure>, one judged on too few cases is <skipped>), plus one `valid run` case per
 * variant so a saturated generator fails CI too, and one <skipped> case per variant left out for a
 * missing backend.
 */
import { evidenceFigure, notEnoughText } from '../results/evidence.ts';
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

/**
 * A threshold on a failure count judged on too few cases is no pass: it is skipped with the evidence it
 * lacked. The pattern's failure and errors over 1% outside the fault windows that no threshold gates are
 * skipped cases too, so a CI page shows them beside the passes instead of a clean sheet.
 */
function variantCases(suite: string, variant: VariantView): Case[] {
  const classname = `${suite}.${variant.name}`;
  const { verdict } = variant;
  const cases: Case[] = variant.thresholds.map((threshold) => {
    const lacking = verdict.withoutEvidence.find((entry) => entry.threshold === threshold);
    return {
      name: `${threshold.metric}: ${threshold.expression}`,
      classname,
      failure: threshold.passed
        ? null
        : `${threshold.metric} ${threshold.expression} failed: actual ${threshold.actual ?? 'n/a'}`,
      ...(lacking && threshold.passed ? { skipped: notEnoughText(lacking.evidence) } : {}),
    };
  });
  for (const failure of verdict.patternFailures) {
    const figure = failure.evidence ? evidenceFigure(failure.evidence) : String(failure.failed);
    cases.push({
      name: `the pattern's failure: ${failure.label}`,
      classname,
      failure: null,
      skipped: `${failure.label}: ${figure} (shown, not gated)`,
    });
  }
  const gated = variant.thresholds.some((threshold) =>
    ['http_req_failed_outside_faults', 'http_req_failed'].includes(threshold.metric),
  );
  if (verdict.failing && !gated) {
    cases.push({
      name: 'errors outside fault windows',
      classname,
      failure: null,
      skipped: `${(verdict.errors.rate * 100).toFixed(1)}% of ${verdict.errors.requests} requests failed (over 1%, not gated)`,
    });
  }
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
    const skipped = cases.filter((testCase) => testCase.skipped !== undefined).length;
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
