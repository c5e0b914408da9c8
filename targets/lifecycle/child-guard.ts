/**
 * Children (and temp folders) that must not outlive scalebench. Every process scalebench starts (a clone, a worker, a
 * balancer, a private Redis or PostgreSQL) is guarded here until it has exited or been stopped:
 *
 * - on a normal exit, an error or a forced second Ctrl-C, an `exit` hook signals what is still alive;
 * - when scalebench itself is SIGKILLed no hook runs, so a tiny reaper process (sh + awk, started once,
 *   in its own process group) holds a pipe from scalebench: it is told of each child as it starts and
 *   stops, and when the pipe closes — scalebench is gone, however it died — it signals what is left;
 * - what is not a child (a container stack on an engine) is guarded as a command the reaper runs then.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface GuardOptions {
  /** signal the child's whole process group (it was spawned detached) instead of the pid alone */
  group: boolean;
  /** how to end it when scalebench goes; default SIGKILL (PostgreSQL prefers SIGQUIT) */
  signal?: NodeJS.Signals;
}

interface Guarded {
  pid: number;
  group: boolean;
  signal: NodeJS.Signals;
}

/**
 * The reaper reads `+ <g|p> <pid> <signal>` and `- <g|p> <pid>` lines for children, `+d <path>` and
 * `-d <path>` for temp folders, `+x <command>` and `-x <command>` for shell commands; at end of input it
 * signals every child still listed, runs every command still listed, then (a second later, once they
 * have let go of their files) removes every folder still listed. Plain POSIX sh and awk, so it starts in
 * milliseconds and needs nothing installed.
 */
const REAPER_SCRIPT = [
  `awk '$1=="+"{live[$2" "$3]=$4} $1=="-"{delete live[$2" "$3]}`,
  `$1=="+d"{dirs[substr($0,4)]=1} $1=="-d"{delete dirs[substr($0,4)]}`,
  `$1=="+x"{cmds[substr($0,4)]=1} $1=="-x"{delete cmds[substr($0,4)]}`,
  `END{for(k in live){split(k,a," "); print live[k], (a[1]=="g" ? "-" a[2] : a[2])}`,
  `for(c in cmds) print "CMD", c; for(d in dirs) print "DIR", d}'`,
  '| { slept=; while read -r sig target; do',
  'if [ "$sig" = DIR ]; then [ -n "$slept" ] || { sleep 1; slept=1; }; rm -rf -- "$target";',
  'elif [ "$sig" = CMD ]; then sh -c "$target" >/dev/null 2>&1 </dev/null;',
  // a child the CPU limiter holds stopped acts on its signal only once continued
  'else kill -s "$sig" -- "$target" 2>/dev/null; kill -s CONT -- "$target" 2>/dev/null; fi; done; }',
].join(' ');

const guarded = new Map<string, Guarded>();
let reaper: ChildProcess | undefined;
let exitHookInstalled = false;

/** Guards a running child; returns a function to call once it has exited or been stopped. */
export function guardChild(pid: number, options: GuardOptions): () => void {
  if (!(pid > 0)) return () => {};
  const entry: Guarded = { pid, group: options.group, signal: options.signal ?? 'SIGKILL' };
  const key = `${entry.group ? 'g' : 'p'} ${pid}`;
  guarded.set(key, entry);
  installExitHook();
  tellReaper(`+ ${key} ${entry.signal.replace(/^SIG/, '')}\n`);
  return () => {
    if (guarded.get(key) !== entry) return;
    guarded.delete(key);
    tellReaper(`- ${key}\n`);
  };
}

/** Guards a temp folder: removed by the reaper if scalebench is killed before its cleanup ran. */
export function guardFolder(path: string): () => void {
  if (path.includes('\n')) return () => {};
  tellReaper(`+d ${path}\n`);
  let forgotten = false;
  return () => {
    if (forgotten) return;
    forgotten = true;
    tellReaper(`-d ${path}\n`);
  };
}

/**
 * Guards a shell command (one line, e.g. removing a container stack): the reaper runs it if scalebench is
 * gone before the returned function is called, however it died.
 */
export function guardCommand(command: string): () => void {
  if (command.includes('\n')) return () => {};
  tellReaper(`+x ${command}\n`);
  let forgotten = false;
  return () => {
    if (forgotten) return;
    forgotten = true;
    tellReaper(`-x ${command}\n`);
  };
}

/** Signals every guarded child now, synchronously: the last act of a process that is about to exit. */
export function signalGuardedChildren(): void {
  for (const entry of guarded.values()) {
    try {
      process.kill(entry.group ? -entry.pid : entry.pid, entry.signal);
      // a child the CPU limiter holds stopped acts on its signal only once continued
      process.kill(entry.group ? -entry.pid : entry.pid, 'SIGCONT');
    } catch {
      // already gone
    }
  }
}

/** pids (or process groups) still guarded, for tests and diagnostics */
export function guardedPids(): number[] {
  return [...guarded.values()].map((entry) => entry.pid);
}

function tellReaper(line: string): void {
  const stdin = startReaper()?.stdin;
  if (!stdin || stdin.destroyed) return;
  stdin.write(line);
}

function startReaper(): ChildProcess | undefined {
  if (reaper) return reaper;
  try {
    reaper = spawn('sh', ['-c', REAPER_SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  } catch {
    return undefined; // no sh: the exit hook still covers every ending but SIGKILL
  }
  reaper.on('error', () => {
    // no sh on this system: the exit hook still covers every ending but SIGKILL
  });
  reaper.stdin?.on('error', () => {});
  // neither the reaper nor its pipe may keep scalebench's event loop alive
  reaper.unref();
  (reaper.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return reaper;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', signalGuardedChildren);
}
