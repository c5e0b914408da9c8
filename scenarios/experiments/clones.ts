import { errorsOutsideFaults } from '../error-threshold.ts';
import { constantArrivalProfiles, SHORT_CAPACITY_STEPS } from '../profiles.ts';
import { defineExperiment, type VariantDefinition } from '../types.ts';

const killFirstClone = (at: string) => [{ at, action: 'kill' as const, kind: 'clone' as const, index: 0 }];

const sessionStores = {
  stateless: { session: 'redis', affinity: 'none' },
  stateful: { session: 'memory', affinity: 'none' },
  sticky: { session: 'memory', affinity: 'sticky' },
} as const;

/** what each store means, in one plain line for the audience */
const storeWords = {
  stateless: 'sessions in Redis, round-robin balancer',
  stateful: 'sessions in process memory, round-robin balancer',
  sticky: 'sessions in process memory, sticky balancer (one clone per user)',
} as const;

function describe(store: keyof typeof sessionStores, clones: number): string {
  const fleet = clones === 1 ? '1 clone' : `${clones} clones`;
  return `${fleet}, ${storeWords[store]}${clones > 1 ? '; clone 0 killed mid-trial' : ''}`;
}

/**
 * `<store>-<clones>`: the session store's knobs and N clones; stateless ones must lose no session. The
 * quick profile runs 1, 2 and 4 stateless clones (the capacity curve and its scaling model) and each
 * store at 4 clones.
 */
function variant(store: keyof typeof sessionStores, clones: number): VariantDefinition {
  return {
    name: `${store}-${clones}`,
    description: describe(store, clones),
    params: { ...sessionStores[store] },
    clones,
    // the cart page costs its server 2 ms of CPU to render, so a 0.25-CPU clone is the bottleneck,
    // not the generator or the balancer that share the machine
    env: { PAGE_COST_MS: '2' },
    ...(clones === 2 && store !== 'stateless' ? { quick: false } : {}),
    // each clone adds about one clone's capacity: a bigger fleet's search starts where a small one's ends
    capacityStartRate: 30 * clones,
    // killing the only clone is an outage, not a lesson
    ...(clones === 1 ? { faults: [] } : {}),
    // stateless clones must lose no session and fail no request outside the kill; the others' failure is
    // the lesson, marked in the reports rather than failed here
    ...(store === 'stateless' ? { thresholds: { sessionsLost: ['count==0'], ...errorsOutsideFaults } } : {}),
  };
}

export const clonesExperiment = defineExperiment({
  name: 'clones',
  title: 'Clones: where do sessions live?',
  description:
    'Servers behind a load balancer should keep no user data. Sessions in process memory are lost as soon as ' +
    'a request lands on another clone or a clone dies; sticky routing hides that until a clone dies; sessions ' +
    'in Redis survive both, so clones can be added and killed freely — and each clone adds capacity.',
  target: 'clones',
  variants: [
    variant('stateless', 1),
    variant('stateless', 2),
    variant('stateless', 4),
    variant('stateful', 2),
    variant('stateful', 4),
    variant('sticky', 2),
    variant('sticky', 4),
  ],
  profiles: constantArrivalProfiles({ quick: 30, full: 60 }),

  flow: { module: 'scenarios/flows/cart-flow.ts', exportName: 'cartFlow' },
  counters: ['sessions', 'sessionsLost', 'sessionsUnjudged', 'cartItemsDuplicated'],
  flowParams: { users: 50, items: 1, catalog: 100 },
  faults: killFirstClone('2s'),
  // a quarter of a CPU per clone: four clones take one of two cores, leaving the generator, the balancer and Redis room
  serverSize: '0.25',
  thresholds: { http_req_duration: ['p(50)<100'] },
  capacity: {
    ...SHORT_CAPACITY_STEPS,
    startRate: 30,
    step: 5,
    maxRate: 3000,
    // few shoppers to start with (more arrive when all are busy): each step's fresh shoppers log in
    // first, and logins are cheap, so 50 of them would make slow low-rate steps look cheaper per
    // iteration than fast high-rate ones
    flowParams: { users: 8, shopOnLogin: true },
    slo: { p99Ms: 200, errorRate: 0.01 },
    // three clone counts: enough for the Universal Scalability Law fit (reports/model/usl.ts)
    headline: ['stateless-1', 'stateless-2', 'stateless-4'],
  },
});
