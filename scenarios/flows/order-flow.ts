/**
 * The database experiment's virtual user: mostly read orders, sometimes place one and read it back at
 * once. A read-back that does not show the write (404, or an older version) violates read-your-writes —
 * what a lagging replica does to a user who just clicked "buy".
 */
import { defineFlow } from '../../load-model/flows/define-flow.ts';

export const orderFlow = defineFlow({
  name: 'read orders, place one and read it back',
  async iteration(vu) {
    const writeRatio = Number(vu.params.writeRatio ?? 0.2);
    const customers = Number(vu.params.customers ?? 1000);
    const orders = Number(vu.params.orders ?? 5000);
    if (Math.random() >= writeRatio) {
      await vu.request('read order', { path: `/orders/${1 + Math.floor(Math.random() * orders)}` });
      return;
    }
    const placed = await vu.request('place order', {
      method: 'POST',
      path: '/orders',
      json: {
        customerId: 1 + Math.floor(Math.random() * customers),
        items: [
          { productId: 1 + (vu.iteration % 100), qty: 1 },
          { productId: 1 + ((vu.id * 7 + vu.iteration) % 100), qty: 2 },
        ],
      },
    });
    const written = placed.status === 201 ? placed.json<{ id?: number; version?: number }>() : undefined;
    if (written?.id === undefined) return;
    vu.count('rywChecks');
    const read = await vu.request('read back', { path: `/orders/${written.id}` }, { checks: {} });
    const seen = read.status === 200 ? read.json<{ version?: number }>()?.version : undefined;
    if (seen === undefined || (written.version !== undefined && seen < written.version))
      vu.count('rywViolations');
  },
});
