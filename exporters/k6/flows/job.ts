/** k6 code mirroring scenarios/flows/job-flow.ts: post work, poll the job until done, time both. */
import type { K6FlowTemplate } from './k6-flow-template.ts';

export const jobTemplate: K6FlowTemplate = {
  counters: ['jobsSubmitted', 'jobsNotSeenDone'],
  trends: ['acceptMs', 'jobLatencyMs'],
  code: `export default function () {
  const inputs = Number(PARAMS.inputs ?? 50);
  const started = Date.now();
  // scalebench VU ids and iterations are 0- and 1-based; k6's __VU and __ITER are 1- and 0-based
  const input = \`report-\${((__VU - 1) * 13 + __ITER + 1) % inputs}\`;
  const accepted = postJson('post work', '/work', { input });
  trends.acceptMs.add(Date.now() - started);
  if (accepted.status === 200) {
    trends.jobLatencyMs.add(Date.now() - started);
    return;
  }
  if (accepted.status !== 202) return;
  counters.jobsSubmitted.add(1);
  const jobId = encodeURIComponent(String(jsonBody(accepted)?.jobId));
  const maxPolls = Number(PARAMS.maxPolls ?? 600);
  let done = false;
  for (let attempt = 1; attempt <= maxPolls && !done; attempt += 1) {
    const res = get('poll job', \`/jobs/\${jobId}\`);
    done = res.status > 0 && jsonBody(res)?.status === 'done';
    if (!done && attempt < maxPolls) sleep(Number(PARAMS.pollMs ?? 50) / 1000);
  }
  check(accepted, { 'job done': () => done });
  if (done) trends.jobLatencyMs.add(Date.now() - started);
  else counters.jobsNotSeenDone.add(1);
}
`,
};
