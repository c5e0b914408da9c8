/**
 * The database experiment's virtual user: mostly read a customer's account page, sometimes place an
 * order and read the account back at once. Reads and writes are separately named requests and separate
 * trends (readMs, writeMs), so each variant shows what it does to each: denormalizing makes reads cheap
 * and writes dear. A read-back that does not show the order just placed (lastOrderId older than it)
 * violates read-your-writes — what a lagging replica does to a user who just clicked "buy". A read-back
 * that failed is unjudged (rywUnjudged), in the same unit as the judged checks (rywChecks).
 */
import { defineFlow } from '../../load-model/flows/define-flow.ts';
import type { VirtualUser } from '../../load-model/flows/types.ts';

async function readAccount(vu: VirtualUser, name: string, customerId: number) {
  const started = vu.now();
  const read = await vu.request(name, { path: `/customers/${customerId}` });
  if (read.ok) vu.trend('readMs', vu.now() - started);
  return read;
}

export const orderFlow = defineFlow({
  name: 'read account pages, place an order and read it back',
  async iteration(vu) {
    const writeRatio = Number(vu.params.writeRatio ?? 0.2);
    const customers = Number(vu.params.customers ?? 100);
    const skus = Number(vu.params.skus ?? 500);
    const customerId = 1 + Math.floor(Math.random() * customers);
    if (Math.random() >= writeRatio) {
      await readAccount(vu, 'read: account page', customerId);
      return;
    }
    const started = vu.now();
    const placed = await vu.request('write: place order', {
      method: 'POST',
      path: '/orders',
      json: {
        customerId,
        items: [
          { productId: 1 + (vu.iteration % skus), qty: 1 },
          { productId: 1 + ((vu.id * 7 + vu.iteration) % skus), qty: 2 },
        ],
      },
    });
    const written = placed.status === 201 ? placed.json<{ id?: number }>() : undefined;
    if (written?.id === undefined) return;
    vu.trend('writeMs', vu.now() - started);
    const read = await readAccount(vu, 'read: account read back', customerId);
    // a read-back that failed judges nothing: an error, counted apart, not a violation
    if (read.status !== 200) return vu.count('rywUnjudged');
    vu.count('rywChecks');
    const seen = read.json<{ lastOrderId?: number | null }>()?.lastOrderId;
    if (typeof seen !== 'number' || seen < written.id) vu.count('rywViolations');
  },
});
