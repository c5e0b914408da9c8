/** k6 code mirroring scenarios/flows/order-flow.ts: read orders, sometimes place one and read it back. */
import type { K6FlowTemplate } from './k6-flow-template.ts';

export const orderTemplate: K6FlowTemplate = {
  counters: ['rywChecks', 'rywViolations'],
  trends: [],
  code: `export default function () {
  const writeRatio = Number(PARAMS.writeRatio ?? 0.2);
  const customers = Number(PARAMS.customers ?? 1000);
  const orders = Number(PARAMS.orders ?? 5000);
  if (Math.random() >= writeRatio) {
    get('read order', \`/orders/\${1 + Math.floor(Math.random() * orders)}\`);
    return;
  }
  const iteration = __ITER + 1;
  const placed = postJson('place order', '/orders', {
    customerId: 1 + Math.floor(Math.random() * customers),
    items: [
      { productId: 1 + (iteration % 100), qty: 1 },
      { productId: 1 + (((__VU - 1) * 7 + iteration) % 100), qty: 2 },
    ],
  });
  const written = placed.status === 201 ? jsonBody(placed) : undefined;
  if (written?.id === undefined) return;
  counters.rywChecks.add(1);
  const read = get('read back', \`/orders/\${written.id}\`);
  const seen = read.status === 200 ? jsonBody(read)?.version : undefined;
  const violated = seen === undefined || (written.version !== undefined && seen < written.version);
  check(read, { 'read your write': () => !violated });
  if (violated) counters.rywViolations.add(1);
}
`,
};
