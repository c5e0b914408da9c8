/**
 * Builds a compose service's image through the Engine API (the build context sent as a tar, honouring
 * its .dockerignore). A build that fails stops the run with exit 2 and the build log's last lines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import dockerIgnoreModule from '@balena/dockerignore';
import { pack } from 'tar-fs';
import { ScalebenchError } from '../../core/errors.ts';
import type { ServiceBuild } from './compose-file.ts';
import type { Engine } from './container-engine.ts';

interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

const shownLines = 6;
// a CommonJS module whose types declare an ES default: the function is its `default` under NodeNext
const dockerIgnore = dockerIgnoreModule.default;

/** the last non-empty lines of a log, joined into one line */
export function lastLines(log: string, count = shownLines): string {
  return log
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' | ');
}

/**
 * The build context as a tar stream: what .dockerignore leaves in, and the Dockerfile even when
 * .dockerignore leaves its folder out (docker/ for the app image), as `docker build` does.
 */
export function buildContext(build: ServiceBuild): NodeJS.ReadableStream {
  const ignoreFile = join(build.context, '.dockerignore');
  const rules = dockerIgnore({ ignorecase: false }).add(
    existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : '',
  );
  const dockerfile = build.dockerfile.replace(/^\.\//, '');
  const kept = readdirSync(build.context).filter((entry) => !rules.ignores(entry));
  return pack(build.context, {
    entries: [...new Set([...kept, dockerfile])],
    ignore: (path) => {
      const name = relative(build.context, path);
      return name !== dockerfile && rules.ignores(name);
    },
  });
}

export async function buildImage(
  engine: Engine,
  image: string,
  build: ServiceBuild,
  signal?: AbortSignal,
): Promise<void> {
  const context = buildContext(build);
  let log = '';
  const failed = (reason: string) =>
    new ScalebenchError(
      'SB_ERR_TARGET_START',
      `building ${image} from ${relative(process.cwd(), build.context) || '.'}/${build.dockerfile} failed: ${reason}`,
      {
        hint: `the build log ends: ${lastLines(log) || '(empty)'} — without a registry, build from local bases: eval "$(docker/local-engine.sh)"`,
      },
    );
  let stream: NodeJS.ReadableStream;
  try {
    stream = await engine.docker.buildImage(context, {
      t: image,
      dockerfile: build.dockerfile,
      buildargs: build.args,
      rm: true,
      ...(signal ? { abortSignal: signal } : {}),
    });
  } catch (error: unknown) {
    throw failed(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  }
  const events = await new Promise<BuildEvent[]>((resolve, reject) => {
    engine.docker.modem.followProgress(
      stream,
      (error: Error | null, output: BuildEvent[]) => (error ? reject(error) : resolve(output)),
      (event: BuildEvent) => {
        log += event.stream ?? (event.error ? `${event.error}\n` : '');
        if (log.length > 64 * 1024) log = log.slice(-32 * 1024);
      },
    );
  }).catch((error: unknown) => {
    throw failed(error instanceof Error ? error.message : String(error));
  });
  const error = events.find((event) => event.error);
  if (error) throw failed(lastLines(error.errorDetail?.message ?? error.error ?? '', 1));
}

/** the builds this process started, by image and what it is built from: one build per run, not per target */
const builds = new Map<string, Promise<void>>();

/**
 * Builds an image once per scalebench process: a suite starts the same stack for each capacity search
 * and trial, from the same sources, and a cached rebuild still sends the whole context (about 10 s).
 * A failed build is forgotten, so the next start tries again.
 */
export function buildImageOnce(
  engine: Engine,
  image: string,
  build: ServiceBuild,
  signal?: AbortSignal,
): Promise<void> {
  const key = JSON.stringify([engine.host, image, build.context, build.dockerfile, build.args ?? {}]);
  let pending = builds.get(key);
  if (!pending) {
    pending = buildImage(engine, image, build, signal);
    builds.set(key, pending);
    pending.catch(() => builds.delete(key));
  }
  return pending;
}
