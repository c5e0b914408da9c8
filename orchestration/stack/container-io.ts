/**
 * Running a command in a container and reading its log through the Engine API: what health checks and
 * start-up failure messages need. The API frames non-TTY output (8-byte headers: stream, 0, 0, 0, size);
 * `demux` strips them.
 */
import type Docker from 'dockerode';
import { lastLines } from './image-build.ts';

/** Strips the Engine API's stream frames; text that is not framed comes back as it is. */
export function demux(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  while (at + 8 <= buffer.length) {
    const kind = buffer[at]!;
    if (kind > 2 || buffer[at + 1] !== 0 || buffer[at + 2] !== 0 || buffer[at + 3] !== 0) {
      return buffer.toString('utf8');
    }
    const size = buffer.readUInt32BE(at + 4);
    parts.push(buffer.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return at === 0 ? buffer.toString('utf8') : Buffer.concat(parts).toString('utf8');
}

/** the last lines a container printed, in one line */
export async function containerLog(container: Docker.Container, lines = 6): Promise<string> {
  const raw = (await container.logs({ stdout: true, stderr: true, tail: 40, follow: false })) as unknown;
  const text = Buffer.isBuffer(raw) ? demux(raw) : String(raw);
  return lastLines(text, lines);
}

/** Runs `command` in the container; its exit code, or -1 when it did not finish within `timeoutMs`. */
export async function execExitCode(
  container: Docker.Container,
  command: string[],
  timeoutMs: number,
): Promise<number> {
  const exec = await container.exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const finished = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      stream.destroy();
      resolve(false);
    }, timeoutMs);
    stream.on('end', () => {
      clearTimeout(timer);
      resolve(true);
    });
    stream.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    stream.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    stream.resume();
  });
  if (!finished) return -1;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return -1;
}
