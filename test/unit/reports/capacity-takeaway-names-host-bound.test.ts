import { describe, expect, it } from 'vitest';
import { experimentFindings } from '../../../reports/findings/findings.ts';
import { experimentTakeaway } from '../../../reports/findings/takeaway.ts';
import { markdownTable } from '../../../reports/markdown/table.ts';
import { buildReportView } from '../../../reports/model/views.ts';
import { buildScalingFixture } from '../../helpers/scaling-fixture.ts';

const clones = buildReportView(buildScalingFixture()).experiments[0]!;

describe('the capacity takeaway', () => {
  it('states what more clones carried, in numbers, with the failures beside it', () => {
    expect(experimentTakeaway(clones)).toMatch(
      /^4 stateless clones served 3\.8× the load of 1 \(60\.0\/s → 228\/s\) with 0 sessions lost; capacity sticky-2 130\/s, sticky-4 200\/s: no ratio \(sticky-4 limited by this machine, not by the architecture\), but lost 6 sessions/,
    );
    // a ratio whose one side the host set does not lead
    expect(experimentTakeaway(clones)).not.toContain('4 sticky clones served');
  });

  it("names the server model and every host-bound figure as this machine's limit", () => {
    expect(experimentTakeaway(clones)).toContain('sticky-4 limited by this machine, not by the architecture');
    const findings = experimentFindings(clones).join(' ');
    expect(findings).toContain('Each server process ran as cgroup v1 cpu quota 0.25 CPU.');
    expect(findings).toContain('sticky-4 200/s (host idle 8.0%)');
    expect(markdownTable(clones)).toContain('200 ⚠ host-bound');
  });

  it('says a ratio above the ideal N× is the search rounding, not better-than-linear scaling', () => {
    const suite = buildScalingFixture();
    const variants = suite.experiments[0]!.variants;
    variants.find((variant) => variant.name === 'stateless-1')!.capacity = 35;
    variants.find((variant) => variant.name === 'stateless-4')!.capacity = 165;
    const takeaway = experimentTakeaway(buildReportView(suite).experiments[0]!);
    expect(takeaway).toContain(
      "4 stateless clones served 4.7× the load of 1 (35.0/s → 165/s) (more than the 4× 4 clones can add over 1: the searches' rounding of 35.0/s, not scaling better than linear) with 0 sessions lost",
    );
    // at or under the ideal it says nothing of the kind
    expect(experimentTakeaway(clones)).not.toContain('more than the');
  });
});
