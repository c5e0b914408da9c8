/**
 * The two ways the web tier pushes "your job is done" instead of being polled (GET /jobs/:id):
 * `GET /jobs/:id/events`, an event stream that sends one `done` event (data: the job, with `ts` = when
 * it finished) and ends; and a WebSocket on `/jobs/:id/socket` that sends the job as one JSON message
 * and closes 1000. Each notification sent counts in notificationsSentTotal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Counters } from '../metrics.ts';
import type { AppResponse } from '../router.ts';
import type { JobNotifier } from './job-notifier.ts';
import type { JobRecord } from './store.ts';

const SOCKET_PATH = /^\/jobs\/([^/]+)\/socket$/;

const payload = (job: JobRecord) => JSON.stringify({ ...job, ts: job.finishedAt });

export class JobPush {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  constructor(
    private readonly notifier: JobNotifier,
    private readonly counters: Counters,
  ) {}

  /** GET /jobs/:id/events */
  events(id: string): AppResponse {
    return {
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      stream: (res: ServerResponse) => {
        res.write(': waiting\n\n');
        void this.notifier
          .whenDone(id, (job) => {
            this.counters.inc('notificationsSentTotal');
            res.end(`id: ${id}\nevent: done\ndata: ${payload(job)}\n\n`);
          })
          .then((cancel) => res.once('close', cancel));
      },
    };
  }

  /** an upgrade on /jobs/:id/socket: true when it was one */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const id = SOCKET_PATH.exec(new URL(req.url ?? '/', 'http://app').pathname)?.[1];
    if (id === undefined) return false;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      void this.notifier
        .whenDone(id, (job) => {
          this.counters.inc('notificationsSentTotal');
          ws.send(payload(job), () => ws.close(1000));
        })
        .then((cancel) => ws.once('close', cancel));
    });
    return true;
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
