/**
 * Step names stay few, so per-step histograms stay bounded however many URLs a run touches. A name that
 * is a path groups its dynamic parts as Artillery's `groupDynamicURLs` does: numeric, UUID and hex
 * segments (and query values) become placeholders, so `/orders/123` and `/orders/456` are one step,
 * `/orders/:id`. Past MAX_STEP_NAMES distinct names, further ones share the step OTHER_STEP.
 */

/** the most distinct step names a run keeps; more land in OTHER_STEP */
export const MAX_STEP_NAMES = 100;
export const OTHER_STEP = 'other';

const NUMERIC = /^-?\d+(?:\.\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a hex run long enough to be an id or a hash, with at least one digit (so `deadbeef` words stay) */
const HEX = /^(?=[^/]*\d)[0-9a-f]{8,}$/i;
/** a long mixed letters-and-digits token (base64 ids, session tokens) */
const TOKEN = /^(?=.*\d)(?=.*[a-z])[A-Za-z0-9_-]{20,}$/i;

function placeholder(segment: string): string {
  if (NUMERIC.test(segment)) return ':id';
  if (UUID.test(segment)) return ':uuid';
  if (HEX.test(segment)) return ':hex';
  if (TOKEN.test(segment)) return ':token';
  return segment;
}

function groupQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? pair : `${pair.slice(0, equals)}=${placeholder(pair.slice(equals + 1))}`;
    })
    .join('&');
}

/** `GET /users/42/orders?page=3` → `GET /users/:id/orders?page=:id`; names without a `/` stay as they are. */
export function groupDynamicName(name: string): string {
  const slash = name.indexOf('/');
  if (slash < 0) return name;
  const head = name.slice(0, slash);
  const rest = name.slice(slash);
  const question = rest.indexOf('?');
  const path = question < 0 ? rest : rest.slice(0, question);
  const grouped = path.split('/').map(placeholder).join('/');
  return question < 0 ? `${head}${grouped}` : `${head}${grouped}?${groupQuery(rest.slice(question + 1))}`;
}

/**
 * Names in first-seen order, each given a dense index; the (MAX_STEP_NAMES + 1)th distinct name and all
 * later ones map to OTHER_STEP. Callers that reuse a request definition look its index up once.
 */
export class StepNames {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  /** raw name → index, for names given again and again (bounded: past it, names are grouped each time) */
  private readonly byRawName = new Map<string, number>();

  constructor(private readonly limit = MAX_STEP_NAMES) {}

  indexOf(rawName: string): number {
    const cached = this.byRawName.get(rawName);
    if (cached !== undefined) return cached;
    const index = this.indexOfGrouped(groupDynamicName(rawName));
    if (this.byRawName.size < this.limit * 100) this.byRawName.set(rawName, index);
    return index;
  }

  private indexOfGrouped(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const key = this.byName.size >= this.limit ? OTHER_STEP : name;
    const existing = this.byName.get(key);
    if (existing !== undefined) return existing;
    const index = this.names.length;
    this.names.push(key);
    this.byName.set(key, index);
    return index;
  }
}

/**
 * Folds a merged set of steps down to MAX_STEP_NAMES names: the first names keep their own entry, the
 * rest are combined into OTHER_STEP by `combine` (used where threads' or shards' names are merged).
 */
export function boundStepNames<T>(
  entries: readonly [string, T][],
  combine: (into: T | undefined, from: T) => T,
  limit = MAX_STEP_NAMES,
): [string, T][] {
  const kept = new Map<string, T>();
  for (const [name, value] of entries) {
    const key = kept.has(name) || kept.size < limit ? name : OTHER_STEP;
    kept.set(key, combine(kept.get(key), value));
  }
  return [...kept.entries()];
}
