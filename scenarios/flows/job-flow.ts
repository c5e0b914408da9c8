/**
 * The async experiment's virtual user: submit a piece of work and wait for its result. Queued work
 * answers 202 with a job id and is polled until done; sync and prerendered work answer with the result.
 * acceptMs is how long the user waited for the first answer, jobLatencyMs until the result was in hand.
 */
import { defineFlow } from '../../load-model/flows/define-flow.ts';

export const jobFlow = defineFlow({
  name: 'post work, poll until done',
  async iteration(vu) {
    const inputs = Number(vu.params.inputs ?? 50);
    const started = vu.now();
    const accepted = await vu.request(
      'post work',
      { method: 'POST', path: '/work', json: { input: `report-${(vu.id * 13 + vu.iteration) % inputs}` } },
      { capture: { jobId: 'json:jobId' } },
    );
    vu.trend('acceptMs', vu.now() - started);
    if (accepted.status === 200) return vu.trend('jobLatencyMs', vu.now() - started);
    if (accepted.status !== 202) return;
    vu.count('jobsSubmitted');
    // params.poll=false: the web tier's view only (its capacity search), the job is left to the workers
    if (vu.params.poll === false) return;
    const polled = await vu.poll(
      'poll job',
      { path: '/jobs/{{jobId}}' },
      {
        until: (response) => response.json<{ status?: string }>()?.status === 'done',
        intervalMs: Number(vu.params.pollMs ?? 50),
        maxAttempts: Number(vu.params.maxPolls ?? 600),
      },
    );
    if (polled.ok) vu.trend('jobLatencyMs', vu.now() - started);
    else vu.count('jobsNotSeenDone');
  },
});
