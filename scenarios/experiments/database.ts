import { constantArrivalProfiles } from '../profiles.ts';
import { defineExperiment } from '../types.ts';

export const databaseExperiment = defineExperiment({
  name: 'database',
  title: 'Database: joins, denormalization, read replicas',
  description:
    'Reading an order joins three tables. Denormalizing at write time (the join done once, in code) makes reads ' +
    'a single row; a streaming read replica takes reads off the primary but lags behind it, so a user who ' +
    'writes and reads back at once may not see their own write.',
  target: 'database',
  variants: [
    { name: 'normalized', params: { db: 'normalized' }, thresholds: { rywViolations: ['count==0'] } },
    { name: 'denormalized', params: { db: 'denormalized' }, thresholds: { rywViolations: ['count==0'] } },
    { name: 'replica', params: { db: 'replica' } },
  ],
  profiles: constantArrivalProfiles({ quick: 80, full: 120 }),

  flow: { module: 'scenarios/flows/order-flow.ts', exportName: 'orderFlow' },
  counters: ['rywChecks', 'rywViolations'],
  flowParams: { writeRatio: 0.2, customers: 1000, orders: 5000 },
  sample: ['replicaLagMs', 'replicaLagBytes'],
});
