/**
 * events.ndjson: a run's live events, one JSON record a line, appended as they happen (a few a second)
 * so a crash keeps everything up to it. `scalebench report --dashboard` reads it back to replay the run.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import type { LiveEvent } from './live-events.ts';

export interface EventsWriter {
  write(event: LiveEvent): void;
  /** flushes and closes the file */
  close(): Promise<void>;
}

/** Starts the file afresh (a rerun into the same folder replaces the old stream). */
export async function openEventsWriter(path: string): Promise<EventsWriter> {
  await mkdir(dirname(path), { recursive: true });
  const stream = createWriteStream(path, { flags: 'w' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  return {
    write(event) {
      if (!failure) stream.write(`${JSON.stringify(event)}\n`);
    },
    close() {
      return new Promise((resolve, reject) => {
        stream.end(() => (failure ? reject(failure) : resolve()));
      });
    },
  };
}

/** Every record of an events.ndjson; a torn last line (the run was killed mid-write) is left out. */
export async function readEventsFile(path: string): Promise<LiveEvent[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ScalebenchError('SB_ERR_RESULTS_FILE', `cannot read ${path}`, {
      hint: 'pass the folder of a `scalebench run` (or the folder of a `bench --json` file): events.ndjson is written there',
    });
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const events: LiveEvent[] = [];
  for (const [index, line] of lines.entries()) {
    try {
      const event = JSON.parse(line) as LiveEvent;
      if (typeof event !== 'object' || event === null || typeof event.type !== 'string') throw new Error();
      events.push(event);
    } catch {
      if (index === lines.length - 1) break;
      throw new ScalebenchError('SB_ERR_RESULTS_FILE', `${path} line ${index + 1} is not an event record`, {
        hint: 'the file is corrupt; rerun to record it again',
      });
    }
  }
  return events;
}
