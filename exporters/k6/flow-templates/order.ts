/** k6 code mirroring scenarios/flows/order-flow.ts: read account pages, sometimes place an order and read it back. */
import type { K6FlowTemplate } from './k6-flow-template.ts';

export const orderTemplate: K6FlowTemplate = {
  counters: ['rywChecks', 'rywViolations'],
  trends: ['readMs', 'writeMs'],
  code: `/** @param {string} name @param {number} customerId */
function readAccount(name, customerId) {
  const started = Date.now();
  const read = get(name, \`/customers/\${customerId}\`);
  if (read.status > 0 && read.status < 400) trends.readMs.add(Date.now() - started);
  return read;
}

export default function () {
  const writeRatio = Number(PARAMS.writeRatio ?? 0.2);
  const customers = Number(PARAMS.customers ?? 100);
  const skus = Number(PARAMS.skus ?? 500);
  const customerId = 1 + Math.floor(Math.random() * customers);
  if (Math.random() >= writeRatio) {
    readAccount('read: account page', customerId);
    return;
  }
  const iteration = __ITER + 1;
  const started = Date.now();
  const placed = postJson('write: place order', '/orders', {
    customerId,
    items: [
      { productId: 1 + (iteration % skus), qty: 1 },
      { productId: 1 + (((__VU - 1) * 7 + iteration) % skus), qty: 2 },
    ],
  });
  const written = placed.status === 201 ? jsonBody(placed) : undefined;
  if (written?.id === undefined) return;
  trends.writeMs.add(Date.now() - started);
  counters.rywChecks.add(1);
  const read = readAccount('read: account read back', customerId);
  const seen = read.status === 200 ? jsonBody(read)?.lastOrderId : undefined;
  const violated = typeof seen !== 'number' || seen < written.id;
  check(read, { 'read your write': () => !violated });
  if (violated) counters.rywViolations.add(1);
}
`,
};
