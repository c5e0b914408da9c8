/** Environment fingerprints: a comparison across different machines or runtimes deserves a warning. */
import type { Environment } from '../../results/schema.ts';

const compared: (keyof Environment)[] = [
  'cpuModel',
  'cores',
  'totalMemoryBytes',
  'os',
  'arch',
  'nodeVersion',
];

/** One line per differing field, e.g. `cores: 2 → 4`. */
export function fingerprintDifferences(baseline: Environment, candidate: Environment): string[] {
  return compared
    .filter((field) => baseline[field] !== candidate[field])
    .map((field) => `${field}: ${String(baseline[field])} → ${String(candidate[field])}`);
}
