/**
 * Read-your-writes, judged from what a client saw: the write answered { id, version }; the read back
 * must show that order at that version or later. A 404 or an older version is a violation.
 */

export interface WrittenOrder {
  id: number;
  version: number;
}

export type ReadBackOutcome =
  | { kind: 'ok'; seenVersion: number }
  | { kind: 'violation'; reason: 'missing' | 'stale'; seenVersion: number | null };

export function judgeReadBack(written: WrittenOrder, status: number, body: unknown): ReadBackOutcome {
  const seen = status === 200 ? (body as { version?: unknown } | null)?.version : undefined;
  if (typeof seen !== 'number') return { kind: 'violation', reason: 'missing', seenVersion: null };
  if (seen < written.version) return { kind: 'violation', reason: 'stale', seenVersion: seen };
  return { kind: 'ok', seenVersion: seen };
}
