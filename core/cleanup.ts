/**
 * Everything scalebench starts (a service, a target clone, a balancer, a temp folder) registers how to
 * stop it here. The CLI entry runs the stack on normal exit, on error and on SIGINT/SIGTERM, so nothing
 * is left behind. Cleanups run last-registered first, each at most once.
 */

export type Cleanup = () => Promise<void> | void;

const stack: { name: string; fn: Cleanup }[] = [];

/** Registers a cleanup and returns a function that runs it now (and unregisters it). */
export function onCleanup(name: string, fn: Cleanup): () => Promise<void> {
  const entry = { name, fn };
  stack.push(entry);
  return async () => {
    const index = stack.indexOf(entry);
    if (index === -1) return;
    stack.splice(index, 1);
    await entry.fn();
  };
}

/** Runs every registered cleanup, newest first; failures are collected, not thrown mid-way. */
export async function runAllCleanups(): Promise<string[]> {
  const failures: string[] = [];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    try {
      await entry.fn();
    } catch (error: unknown) {
      failures.push(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures;
}

export function pendingCleanups(): string[] {
  return stack.map((entry) => entry.name);
}
