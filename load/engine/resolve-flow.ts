/** Turns LoadRunOptions.flow into a FlowDefinition: as given, or imported by module path (workers). */
import { pathToFileURL } from 'node:url';
import { isTypeScriptModule, runsBuilt } from '../../core/entry-points.ts';
import { ScalebenchError } from '../../core/errors.ts';
import type { FlowDefinition } from '../../load-model/flows/types.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';

export async function resolveFlow(
  flow: LoadRunOptions['flow'],
): Promise<FlowDefinition<unknown> | undefined> {
  if (flow === undefined) return undefined;
  if (!('module' in flow)) return flow as FlowDefinition<unknown>;
  const url = flow.module.startsWith('file:') ? flow.module : pathToFileURL(flow.module).href;
  const loaded = (await importFlowModule(url)) as Record<string, unknown>;
  const definition = loaded[flow.exportName] as FlowDefinition<unknown> | undefined;
  if (!definition || typeof definition.iteration !== 'function') {
    throw new ScalebenchError(
      'SB_ERR_INVALID_CONFIG',
      `${flow.module} has no flow export named ${flow.exportName}`,
      {
        hint: 'export it: export const myFlow = defineFlow({ name, iteration })',
      },
    );
  }
  return definition;
}

/** A user's TypeScript flow needs tsx when scalebench itself runs built (no loader registered then). */
async function importFlowModule(url: string): Promise<unknown> {
  if (!runsBuilt || !isTypeScriptModule(url)) return import(url);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(url, import.meta.url);
}
