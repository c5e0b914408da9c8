/**
 * Podman runs every `exec` (our health checks) under a conmon that waits `--exit-delay 300` after the
 * command ended, so a client can still read its exit code. Removing the container does not end those
 * monitors: they stay, reparented to init, for five minutes after a stack is gone. With a local engine
 * they are processes on this host, named after the container (`-n <name>`); this ends them.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** the container name a conmon command line monitors, or undefined for any other process */
export function monitoredName(argv: readonly string[]): string | undefined {
  if (!argv[0]?.endsWith('conmon')) return undefined;
  const at = argv.indexOf('-n');
  return at >= 0 ? argv[at + 1] : undefined;
}

/** SIGTERMs the exec monitors left for these containers; returns how many it ended */
export function endExecMonitors(names: readonly string[]): number {
  const wanted = new Set(names);
  let ended = 0;
  for (const entry of readdirSync('/proc', { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d+$/.test(entry.name)) continue;
    try {
      const argv = readFileSync(`/proc/${entry.name}/cmdline`, 'utf8').split('\0');
      const name = monitoredName(argv);
      if (name === undefined || !wanted.has(name) || !argv.includes('--exec-attach')) continue;
      process.kill(Number(entry.name), 'SIGTERM');
      ended += 1;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return ended;
}
