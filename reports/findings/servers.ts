/**
 * Which servers were sized, in words: each server process of the experiment's targets grouped by its
 * model and size ("clone-0…clone-3: cpu governor 0.25 CPU"), the ones that ran unsized named as such,
 * every server that used more than its size + 10% at the knee flagged with the figures, and a target
 * whose servers were not sized at all marked so — never silently unlimited.
 */
import type { ServerRecord } from '../../results/schema.ts';
import { joinWords } from '../model/join-words.ts';
import { formatRate } from '../model/units.ts';
import type { ExperimentView } from '../model/views.ts';

const cpus = (value: number) => `${value.toFixed(2)} CPU`;

/** the servers of every variant, by name (the last variant's record of a name wins: same target code) */
function serversOf(experiment: ExperimentView): ServerRecord[] {
  const byName = new Map<string, ServerRecord>();
  for (const variant of experiment.variants)
    for (const server of variant.servers) byName.set(server.name, server);
  return [...byName.values()];
}

/** "clone-0, clone-1: cpu governor 0.25 CPU; balancer-haproxy: not sized" */
export function serverSizesSentence(experiment: ExperimentView): string | null {
  const servers = serversOf(experiment);
  if (servers.length === 0) {
    const server = experiment.variants.find((variant) => variant.server)?.server;
    return server ? `Each server process ran as ${server}.` : null;
  }
  const groups = new Map<string, string[]>();
  for (const server of servers) groups.set(server.label, [...(groups.get(server.label) ?? []), server.name]);
  const parts = [...groups].map(([label, names]) => `${joinWords(names)}: ${label}`);
  const sized = servers.some((server) => server.model !== 'unlimited' && server.model !== 'worker-pool');
  const lead = sized
    ? 'Servers'
    : 'Servers (none of them CPU-sized: figures are this host’s, not a server size’s)';
  return `${lead}: ${parts.join('; ')}.`;
}

/** "clone-2 used 0.41 CPU of a declared 0.25 at the knee (stateless-4)", one per server over its size */
export function overSizeWarnings(experiment: ExperimentView): string[] {
  return experiment.variants.flatMap((variant) =>
    variant.servers
      .filter((server) => server.overSize && server.cpuAtKnee !== null && server.size !== null)
      .map(
        (server) =>
          `${server.name} used ${cpus(server.cpuAtKnee!)} of a declared ${server.size} at the knee (${variant.name}): its size did not hold, so its capacity is more than a server of that size gives`,
      ),
  );
}

/** "clone CPU at the knee: stateless-4 0.24–0.25 CPU per clone (declared 0.25)" */
export function kneeCpuSentence(experiment: ExperimentView): string | null {
  const parts = experiment.variants.flatMap((variant) => {
    const measured = variant.servers.filter(
      (server) => server.cpuAtKnee !== null && server.size !== null && server.model !== 'worker-pool',
    );
    if (measured.length === 0) return [];
    const values = measured.map((server) => server.cpuAtKnee!);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    const span = low === high ? cpus(low) : `${low.toFixed(2)}–${cpus(high)}`;
    return [`${variant.name} ${span} per sized server (declared ${measured[0]!.size})`];
  });
  return parts.length > 0 ? `CPU measured per server at the knee: ${parts.join(', ')}.` : null;
}

/** "replica applied each transaction 20 ms after its commit (--replica-delay …)" for variants with a replica */
export function replicaDelaySentence(experiment: ExperimentView): string | null {
  const delays = experiment.variants.filter((variant) => variant.replicaDelayMs !== null);
  if (delays.length === 0) return null;
  const parts = delays.map((variant) => `${variant.name} ${variant.replicaDelayMs} ms`);
  return `The read replica applied each transaction a set time after its commit, as a replica on another machine is a network hop and an apply behind (--replica-delay; lag and read-your-writes violations follow from it): ${parts.join(', ')}.`;
}

/**
 * "stateless-1 was driven at 60/s = 133% of its capacity 45/s: latency and errors here are overload, not
 * architecture", for every variant whose trials ran above the capacity its search found
 */
export function overloadWarnings(experiment: ExperimentView): string[] {
  return experiment.variants.flatMap((variant) => {
    const load = variant.load;
    if (!load || load.share === null || load.capacity === null || load.share <= 1 || load.atMost) return [];
    return [
      `${variant.name} was driven at ${formatRate(load.rate)}/s = ${Math.round(load.share * 100)}% of its capacity ${formatRate(load.capacity)}/s: its latency and errors are overload, not architecture`,
    ];
  });
}
