/**
 * The clones experiment's shoppers: a population of users (params.users, more arrive when all are busy), each keeping one session
 * and one cart across visits. An arrival picks an idle user: without a session it logs in, otherwise it
 * adds k items and reads the cart back. A 401, or a cart that does not hold exactly what this session
 * added, is a lost session (the user logs in again next visit). A visit hit by a transport failure (a
 * killed clone) is not judged: that is an error, counted apart, not a lost session. A cart holding all
 * this session added plus extra copies is no lost session either: an add was applied twice (a balancer
 * replaying a POST whose clone died before answering), counted as cartItemsDuplicated.
 *
 * The counts are in one unit, sessions, over the measured part: `sessions` is every session judged
 * there (counted once, at its first judgement in the measured part, whenever it logged in: a shopper
 * who logged in during the warm-up and survives is counted too), `sessionsLost` those of them found
 * lost, and `sessionsUnjudged` the sessions that came back in the measured part but were given up
 * (a transport failure) before any visit there could judge them. judged + unjudged = sessions started.
 */
import { defineFlow } from '../../load-model/flows/define-flow.ts';
import type { FlowResponse, VirtualUser } from '../../load-model/flows/types.ts';

interface Shopper {
  /** the user's cookies (session and any balancer affinity cookie) between visits */
  cookies: [string, string][];
  cart: number[];
  busy: boolean;
  /** counted in `sessions`: judged in the measured part (a judgement in the warm-up does not count) */
  judged: boolean;
}

interface Shoppers {
  users: Shopper[];
}

type Verdict = 'intact' | 'lost' | 'unjudged' | { duplicated: number[] };

const transportClasses = new Set(['refused', 'reset', 'timeout', 'status_5xx', 'other']);
const brokeDown = (response: FlowResponse) =>
  response.errorClass !== undefined && transportClasses.has(response.errorClass);

function newShopper(users: Shopper[]): Shopper {
  const shopper: Shopper = { cookies: [], cart: [], busy: false, judged: false };
  users.push(shopper);
  return shopper;
}

function pickIdle(users: Shopper[]): Shopper | undefined {
  const start = Math.floor(Math.random() * users.length);
  for (let i = 0; i < users.length; i += 1) {
    const user = users[(start + i) % users.length]!;
    if (!user.busy) return user;
  }
  return undefined;
}

function cookieNames(vu: VirtualUser): [string, string][] {
  const header = vu.cookies.header() ?? '';
  return header
    .split('; ')
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
}

async function shop(vu: VirtualUser, user: Shopper): Promise<Verdict> {
  const items = Number(vu.params.items ?? 3);
  const catalog = Number(vu.params.catalog ?? 100);
  for (let i = 0; i < items; i += 1) {
    const productId = 1 + Math.floor(Math.random() * catalog);
    const response = await vu.request('add item', {
      method: 'POST',
      path: '/cart/items',
      json: { productId },
    });
    if (response.status === 401) return 'lost';
    if (brokeDown(response)) return 'unjudged';
    user.cart.push(productId);
  }
  const read = await vu.request('read cart', { path: '/cart' });
  if (brokeDown(read)) return 'unjudged';
  const seen = read.status === 200 ? (read.json<{ items?: number[] }>()?.items ?? []) : [];
  if (seen.length === user.cart.length && seen.every((id, index) => id === user.cart[index])) return 'intact';
  return read.status === 200 && seen.length > user.cart.length && isSubsequence(user.cart, seen)
    ? { duplicated: seen }
    : 'lost';
}

/** every item of `mine`, in order, within `seen` (which may hold extra copies) */
function isSubsequence(mine: readonly number[], seen: readonly number[]): boolean {
  let at = 0;
  for (const id of seen) if (at < mine.length && id === mine[at]) at += 1;
  return at === mine.length;
}

/** counts a session's first judgement in the measured part (judged ones only: an unjudged visit says nothing) */
function judge(vu: VirtualUser, user: Shopper, verdict: Verdict): void {
  if (verdict === 'unjudged') {
    if (!user.judged) vu.count('sessionsUnjudged');
    return;
  }
  if (!user.judged && vu.measuring) {
    vu.count('sessions');
    user.judged = true;
  }
  if (verdict === 'lost') vu.count('sessionsLost');
}

async function visit(vu: VirtualUser, user: Shopper): Promise<void> {
  vu.cookies.clear();
  for (const [name, value] of user.cookies) vu.cookies.set(name, value);
  const newSession = user.cookies.length === 0;
  if (newSession) {
    await vu.request('login', {
      method: 'POST',
      path: '/login',
      json: { user: `shopper-${vu.id}` },
    });
    user.cart = [];
    user.judged = false;
  }
  // with shopOnLogin a new shopper also shops in the visit that logged in, so every visit does the
  // same work (the capacity search's unit); otherwise a login is a visit of its own
  if (!newSession || vu.params.shopOnLogin === true) {
    const verdict = await shop(vu, user);
    judge(vu, user, verdict);
    if (typeof verdict === 'object') {
      vu.count('cartItemsDuplicated', verdict.duplicated.length - user.cart.length);
      user.cart = verdict.duplicated;
    } else if (verdict !== 'intact') {
      // lost or given up: the shopper logs in again next visit, a new session
      user.cookies = [];
      return;
    }
  }
  user.cookies = cookieNames(vu);
}

export const cartFlow = defineFlow<Shoppers>({
  name: 'shoppers keep a session and a cart across visits',
  shared: (params) => ({
    users: Array.from(
      { length: Number(params.users ?? 50) },
      (): Shopper => ({ cookies: [], cart: [], busy: false, judged: false }),
    ),
  }),
  async iteration(vu) {
    // when every shopper is mid-visit, one more shopper arrives: the population grows with the load
    const user = pickIdle(vu.shared.users) ?? newShopper(vu.shared.users);
    user.busy = true;
    try {
      await visit(vu, user);
    } finally {
      user.busy = false;
    }
  },
});
