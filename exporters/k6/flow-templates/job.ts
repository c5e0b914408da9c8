/**
 * k6 code mirroring scenarios/flows/job-flow.ts: post work, learn that the job is done, time both. The
 * way follows PARAMS.notify (or -e NOTIFY=…): `poll` GETs the job every pollMs; `ws` waits for the push
 * on a k6/websockets WebSocket (/jobs/:id/socket); `sse` has no k6 module and is polled instead.
 */
import type { K6FlowTemplate } from './k6-flow-template.ts';

export const jobTemplate: K6FlowTemplate = {
  counters: ['jobsSubmitted', 'jobsNotSeenDone', 'statusRequests', 'notificationsReceived'],
  trends: ['acceptMs', 'jobLatencyMs', 'notifyMs'],
  code: `import { WebSocket } from 'k6/websockets';
import { setTimeout, clearTimeout } from 'k6/timers';

/** true once the job's WebSocket pushed it done; false on a close or after timeoutMs */
/** @param {string} jobId @param {number} timeoutMs @returns {Promise<boolean>} */
function pushedDone(jobId, timeoutMs) {
  return new Promise((resolve) => {
    const url = \`\${BASE_URL.replace(/^http/, 'ws')}/jobs/\${jobId}/socket\`;
    const socket = new WebSocket(url, null, { tags: { name: 'job socket' } });
    const timer = setTimeout(() => {
      socket.close();
      resolve(false);
    }, timeoutMs);
    socket.onmessage = (event) => {
      let status;
      try {
        status = JSON.parse(String(event?.data)).status;
      } catch (_error) {
        status = undefined;
      }
      if (status !== 'done') return;
      clearTimeout(timer);
      socket.close();
      resolve(true);
    };
    socket.onclose = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
}

/** @param {string} jobId @returns {boolean} */
function polledDone(jobId) {
  const maxPolls = Number(PARAMS.maxPolls ?? 600);
  for (let attempt = 1; attempt <= maxPolls; attempt += 1) {
    counters.statusRequests.add(1);
    const res = get('poll job', \`/jobs/\${jobId}\`);
    if (res.status > 0 && jsonBody(res)?.status === 'done') return true;
    if (attempt < maxPolls) sleep(Number(PARAMS.pollMs ?? 50) / 1000);
  }
  return false;
}

export default async function () {
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
  const acceptedAt = Date.now();
  const notify = __ENV.NOTIFY || PARAMS.notify || 'poll';
  let done;
  if (notify === 'ws') {
    counters.statusRequests.add(1);
    done = await pushedDone(jobId, Number(PARAMS.pollMs ?? 50) * Number(PARAMS.maxPolls ?? 600));
    if (done) counters.notificationsReceived.add(1);
  } else {
    done = polledDone(jobId);
  }
  check(accepted, { 'job done': () => done });
  if (!done) {
    counters.jobsNotSeenDone.add(1);
    return;
  }
  trends.notifyMs.add(Date.now() - acceptedAt);
  trends.jobLatencyMs.add(Date.now() - started);
}
`,
};
