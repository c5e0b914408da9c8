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
});
