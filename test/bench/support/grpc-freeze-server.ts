/**
 * The gRPC accuracy benchmark's target: a @grpc/grpc-js server for counter.Counter/Add that answers at
 * once (an empty AddReply), but every `period` ms freezes its event loop with a busy loop for `freeze` ms,
 * logging each freeze as {freeze: {start, end}} in monotonic ms. The first freeze starts `phase` ms after
 * the ready line. With an answers file, the monotonic time of every answer is written there on SIGTERM
 * (one number a line): what the calls really waited, without a model of how the server drains its queue.
 * Usage: node --import tsx grpc-freeze-server.ts [periodMs=3500] [freezeMs=700] [phaseMs=1750] [answersFile]
 */
import { writeFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { monotonicMs } from './monotonic.ts';

const [periodMs = 3500, freezeMs = 700, phaseMs = 1750] = process.argv.slice(2, 5).map(Number);
const answersFile = process.argv[5];
const answers: number[] = [];
const identity = (value: Buffer) => value;
const EMPTY = Buffer.alloc(0);

function freeze(): void {
  const start = monotonicMs();
  let now = start;
  while (now - start < freezeMs) now = monotonicMs();
  process.stdout.write(`${JSON.stringify({ freeze: { start, end: now } })}\n`);
}

const server = new grpc.Server();
server.addService(
  {
    Add: {
      path: '/counter.Counter/Add',
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  },
  {
    Add: (_call: unknown, callback: grpc.sendUnaryData<Buffer>) => {
      if (answersFile) answers.push(monotonicMs());
      callback(null, EMPTY);
    },
  },
);
const port = await new Promise<number>((resolve, reject) =>
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
    error ? reject(error) : resolve(bound),
  ),
);
const stop = () => {
  if (answersFile) writeFileSync(answersFile, answers.map((at) => at.toFixed(3)).join('\n'));
  server.forceShutdown();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(
  `${JSON.stringify({ ready: true, port, readyAt: monotonicMs(), periodMs, freezeMs, phaseMs })}\n`,
);
setTimeout(() => {
  freeze();
  setInterval(freeze, periodMs);
}, phaseMs);
