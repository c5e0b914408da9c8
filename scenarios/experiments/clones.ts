import { constantArrivalProfiles } from '../profiles.ts';
import { defineExperiment } from '../types.ts';

const killFirstClone = (at: string) => [{ at, action: 'kill' as const, kind: 'clone' as const, index: 0 }];

export const clonesExperiment = defineExperiment({
  name: 'clones',
  title: 'Clones: where do sessions live?',
  description:
    'Servers behind a load balancer should keep no user data. Sessions in process memory are lost as soon as ' +
    'a request lands on another clone or a clone dies; sticky routing hides that until a clone dies; sessions ' +
    'in Redis survive both, so clones can be added and killed freely.',
  target: 'clones',
  variants: [
    { name: 'stateful-2', params: { session: 'memory', affinity: 'none' }, clones: 2 },
    { name: 'sticky-2', params: { session: 'memory', affinity: 'sticky' }, clones: 2 },
    {
      name: 'stateless-1',
      params: { session: 'redis', affinity: 'none' },
      clones: 1,
      faults: [],
      thresholds: { sessionsLost: ['count==0'] },
    },
    {
      name: 'stateless-2',
      params: { session: 'redis', affinity: 'none' },
      clones: 2,
      thresholds: { sessionsLost: ['count==0'] },
    },
  ],
  profiles: constantArrivalProfiles({ quick: 30, full: 60 }),

  flow: { module: 'scenarios/flows/cart-flow.ts', exportName: 'cartFlow' },
  counters: ['sessions', 'sessionsLost', 'sessionsUnjudged', 'cartItemsDuplicated'],
  flowParams: { users: 50, items: 3, catalog: 100 },
  faults: killFirstClone('3s'),
  thresholds: { http_req_duration: ['p(50)<100'] },
  capacity: {
    startRate: 100,
    step: 100,
    maxRate: 3000,
    stepDuration: '4s',
    slo: { p99Ms: 200, errorRate: 0.01 },
  },
});
