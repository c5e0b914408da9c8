/**
 * Which k6 code stands for an experiment's flow: k6 cannot import our TypeScript flows, so each built-in
 * flow has a hand-written k6 template (flows/*.ts, same requests, judgments and custom metrics). Any
 * other flow gets a stub with a TODO.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../core/entry-points.ts';
import type { FlowRef } from '../../load-model/types.ts';
import { cartTemplate } from './flow-templates/cart.ts';
import { jobTemplate } from './flow-templates/job.ts';
import type { K6FlowTemplate } from './flow-templates/k6-flow-template.ts';
import { orderTemplate } from './flow-templates/order.ts';
import { productTemplate } from './flow-templates/product.ts';

/** built-in flow module (relative to the package) and export → its k6 template */
const builtinTemplates: { module: string; exportName: string; template: K6FlowTemplate }[] = [
  { module: 'scenarios/flows/cart-flow.ts', exportName: 'cartFlow', template: cartTemplate },
  { module: 'scenarios/flows/product-flow.ts', exportName: 'productFlow', template: productTemplate },
  { module: 'scenarios/flows/job-flow.ts', exportName: 'jobFlow', template: jobTemplate },
  { module: 'scenarios/flows/order-flow.ts', exportName: 'orderFlow', template: orderTemplate },
];

/** The k6 template of a built-in flow, or undefined for a user's flow. `baseDir`: what `flow.module` is relative to. */
export function builtinK6Flow(flow: FlowRef, baseDir: string): K6FlowTemplate | undefined {
  const path = flow.module.startsWith('file:') ? fileURLToPath(flow.module) : resolve(baseDir, flow.module);
  return builtinTemplates.find(
    (entry) => entry.exportName === flow.exportName && resolve(packageRoot, entry.module) === path,
  )?.template;
}

export function stubK6Flow(flow: FlowRef): K6FlowTemplate {
  return {
    counters: [],
    trends: [],
    code: `// TODO: scalebench cannot translate the flow '${flow.exportName}' of ${flow.module} to k6.
// Write its iteration here with k6/http (get and postJson below help); keep the same step names as tags,
// and add to the counters and trends declared above where the flow calls vu.count and vu.trend.
export default function () {
  const res = get('TODO', '/');
  check(res, { 'status is 2xx': (r) => r.status >= 200 && r.status < 300 });
}
`,
  };
}
