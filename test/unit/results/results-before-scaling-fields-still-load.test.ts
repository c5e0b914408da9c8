import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../reports/markdown/markdown.ts';
import { buildReportView } from '../../../reports/model/views.ts';
import { readResultsFile } from '../../../results/files.ts';

const golden = fileURLToPath(new URL('../../golden/quick-suite-results.json', import.meta.url));

describe('a results file written before capacity, host and server fields existed', () => {
  it('still loads and renders, read as no search, not host-bound, server unknown', async () => {
    const results = await readResultsFile(golden);
    const variants = buildReportView(results).experiments.flatMap((experiment) => experiment.variants);
    expect(variants.length).toBeGreaterThan(0);
    for (const variant of variants) {
      expect(variant).toMatchObject({ slo: null, hostIdleAtKnee: null, hostBound: false, server: null });
      expect(variant.kneeHostBound || variant.trialsHostBound).toBe(false);
    }
    expect(renderMarkdown(results)).not.toContain('limited by this machine');
  });
});
