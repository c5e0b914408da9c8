import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../reports/junit.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

describe('junit.xml', () => {
  it('has one test case per threshold (plus run validity) and a failure for each failed threshold', () => {
    const suite = buildSuiteFixture({ trials: 1, seconds: 4, experiments: ['async'] });
    const queued = suite.experiments[0]!.variants[1]!;
    queued.thresholds.push({ metric: 'jobs_lost', expression: 'count==0', actual: 3, passed: false });
    const xml = renderJunit(suite);
    const thresholds = suite.experiments[0]!.variants.reduce(
      (sum, variant) => sum + variant.thresholds.length,
      0,
    );
    // the queued fixture lost jobs and ran some twice, which no threshold of its asks about: two
    // skipped cases show the pattern's failure beside the passes
    expect(xml.match(/<testcase /g)).toHaveLength(thresholds + 3 + 2);
    expect(xml).toContain(
      '<testcase name="the pattern&apos;s failure: jobs lost" classname="async.queued">\n      <skipped message="jobs lost: ',
    );
    expect(xml).toContain('<testcase name="jobs_lost: count==0" classname="async.queued">');
    expect(xml).toContain('<failure message="jobs_lost count==0 failed: actual 3" type="threshold">');
    expect(xml).toContain('<testcase name="http_req_duration: p(99)&lt;200" classname="async.queued"/>');
    const failures = (xml.match(/<failure /g) ?? []).length;
    expect(xml).toContain(`<testsuites name="scalebench" tests="${thresholds + 5}" failures="${failures}">`);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });
});
