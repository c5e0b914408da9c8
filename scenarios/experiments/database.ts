import { errorsOutsideFaults } from '../error-threshold.ts';
import { constantArrivalProfiles, SHORT_CAPACITY_STEPS } from '../profiles.ts';
import { defineExperiment } from '../types.ts';

/** the replica's apply delay unless `--replica-delay` says otherwise: a replica on another machine */
export const DEFAULT_REPLICA_DELAY_MS = 20;

export const databaseExperiment = defineExperiment({
  name: 'database',
  title: 'Database: joins, denormalization, read replicas',
  description:
    "A customer's account page joins and aggregates their ~200 orders and ~600 order lines on every read " +
    '(normalized). Denormalizing keeps the finished page in one row, rebuilt by every write with the same ' +
    'join: reads become one lookup and writes pay for it. A streaming read replica is a second database ' +
    'server that shares the reads with the primary, so more reads fit, but it lags behind (this one applies ' +
    'each transaction a set delay after its commit, --replica-delay, 20 ms unless told: a replica on another ' +
    'machine is a network hop and an apply behind): a user who places an order and reads their account back ' +
    'at once may not see it.',
  target: 'database',
  variants: [
    {
      name: 'normalized',
      description: 'every account page joins and sums ~200 orders on read',
      params: { db: 'normalized' },
      thresholds: { rywViolations: ['count==0'] },
    },
    {
      name: 'denormalized',
      description: 'the finished account page kept in one row, rebuilt on every write',
      params: { db: 'denormalized' },
      thresholds: { rywViolations: ['count==0'] },
    },
    // a replica on this host would be a millisecond behind; one on another machine is a network hop and
    // an apply later: this one applies every transaction 20 ms after its commit
    {
      name: 'replica',
      description: 'reads shared with a streaming read replica that applies writes 20 ms late',
      params: { db: 'replica', reads: 'spread' },
      env: { REPLICA_APPLY_DELAY_MS: String(DEFAULT_REPLICA_DELAY_MS) },
      // two servers share the reads: the search starts where one server's ends
      capacityStartRate: 60,
    },
  ],
  // one rate for every variant, about a third of what a primary alone of the default size (0.25 CPU)
  // takes, so the normalized primary is not queueing and its cheap writes show as cheap
  profiles: constantArrivalProfiles({ quick: 12, full: 12 }),

  flow: { module: 'scenarios/flows/order-flow.ts', exportName: 'orderFlow' },
  counters: ['rywChecks', 'rywViolations', 'rywUnjudged'],
  thresholds: errorsOutsideFaults,
  // the target's default seed (targets/app/orders/seed-data.ts): 100 customers, 500 SKUs
  flowParams: { writeRatio: 0.2, customers: 100, skus: 500 },
  sample: ['replicaLagMs', 'replicaLagBytes'],
  // each PostgreSQL server a quarter of a CPU (the app in front is not confined: targets/database)
  serverSize: '0.25',
  // read capacity: the primary alone against primary + replica sharing the reads (each server one size)
  capacity: {
    ...SHORT_CAPACITY_STEPS,
    startRate: 30,
    step: 5,
    maxRate: 400,
    slo: { p99Ms: 250, errorRate: 0.01 },
    // the quick and default profiles compare the trials only (their minutes go to the clones' curve and
    // the caches): --find-capacity or the full profile searches, 15 s steps at the primary's ~30 reads/s
    headline: [],
    // read capacity: account pages only, so the primary alone and primary + replica compare their reads
    flowParams: { writeRatio: 0 },
  },
});
