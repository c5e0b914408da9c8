import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import { logConnectionErrorsOnce } from '../../../../targets/services/log-connection-errors.ts';

it('writes the first connection error once, naming the service', () => {
  const lines: string[] = [];
  const client = new EventEmitter();
  client.on(
    'error',
    logConnectionErrorsOnce('redis (job store)', (line) => lines.push(line)),
  );
  client.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
  client.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
  expect(lines).toEqual(['redis (job store): connect ECONNREFUSED 127.0.0.1:6379\n']);
});
