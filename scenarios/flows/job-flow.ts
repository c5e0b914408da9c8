/**
 * The async experiment's virtual user: submit a piece of work and wait for its result. Queued work
 * answers 202 with a job id; the user learns it is done the way params.notify says: `poll` (GET
 * /jobs/:id every pollMs, the default), `sse` (an event stream per job) or `ws` (a WebSocket per job).
 * Sync and prerendered work answer with the result. acceptMs is how long the user waited for the first
 * answer, jobLatencyMs until the result was in hand, notifyMs from the accept to knowing it is done;
 * statusRequests counts the requests spent learning it, notificationsReceived the pushes.
 */
import { defineFlow } from '../../load-model/flows/define-flow.ts';
import type { VirtualUser } from '../../load-model/flows/types.ts';

const isDone = (text: string) => {
  try {
    return (JSON.parse(text) as { status?: string }).status === 'done';
  } catch {
    return false;
  }
};

/** Waits for the push (SSE or WebSocket); true when it came. */
async function pushed(vu: VirtualUser, notify: 'sse' | 'ws', timeoutMs: number): Promise<boolean> {
  vu.count('statusRequests');
  if (notify === 'sse') {
    const done = await vu.sse(
      'job events',
      { path: '/jobs/{{jobId}}/events' },
      (e) => isDone(e.data),
      timeoutMs,
    );
    return done.event !== undefined;
  }
  const socket = await vu.ws('job socket', { path: '/jobs/{{jobId}}/socket' });
  const message = await socket.waitFor((m) => isDone(m.text()), timeoutMs);
  await socket.close();
  return message !== undefined;
}

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
    const notify = vu.params.notify ?? 'poll';
    const acceptedAt = vu.now();
    if (notify === 'sse' || notify === 'ws') {
      const timeoutMs = Number(vu.params.pollMs ?? 50) * Number(vu.params.maxPolls ?? 600);
      if (!(await pushed(vu, notify, timeoutMs))) return vu.count('jobsNotSeenDone');
      vu.count('notificationsReceived');
      vu.trend('notifyMs', vu.now() - acceptedAt);
      return vu.trend('jobLatencyMs', vu.now() - started);
    }
    const polled = await vu.poll(
      'poll job',
      { path: '/jobs/{{jobId}}' },
      {
        until: (response) => response.json<{ status?: string }>()?.status === 'done',
        intervalMs: Number(vu.params.pollMs ?? 50),
        maxAttempts: Number(vu.params.maxPolls ?? 600),
      },
    );
    vu.count('statusRequests', polled.attempts);
    if (!polled.ok) return vu.count('jobsNotSeenDone');
    vu.trend('notifyMs', vu.now() - acceptedAt);
    vu.trend('jobLatencyMs', vu.now() - started);
  },
});
