/** The machine and build a results file was measured on (results/environment.ts collects it). */
import { z } from 'zod';

export const environmentSchema = z.object({
  scalebenchVersion: z.string(),
  nodeVersion: z.string(),
  os: z.string(),
  arch: z.string(),
  cpuModel: z.string(),
  cores: z.number().int(),
  totalMemoryBytes: z.number(),
  gitCommit: z.string().nullable(),
});
export type Environment = z.infer<typeof environmentSchema>;
