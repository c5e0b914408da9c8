/**
 * The caching experiment's virtual user: read product pages, and now and then post a review. Every VU of
 * the run shares the newest version acknowledged for each product; a read whose answer is older than
 * the newest version acknowledged BEFORE the read was sent is a stale read.
 */
import { defineFlow } from '../../load-model/flows/define-flow.ts';

interface ProductState {
  acknowledged: Map<number, number>;
}

export const productFlow = defineFlow<ProductState>({
  name: 'read product pages, post reviews',
  shared: () => ({ acknowledged: new Map() }),
  async iteration(vu) {
    const hotProducts = Number(vu.params.hotProducts ?? 200);
    const writeRatio = Number(vu.params.writeRatio ?? 0.05);
    const productId = 1 + Math.floor(Math.random() * hotProducts);
    if (Math.random() < writeRatio) {
      const response = await vu.request('post review', {
        method: 'POST',
        path: `/products/${productId}/reviews`,
        json: { rating: 1 + (vu.iteration % 5), text: `review by vu ${vu.id}` },
      });
      const version = response.status === 201 ? response.json<{ version?: number }>()?.version : undefined;
      if (typeof version === 'number') {
        const known = vu.shared.acknowledged.get(productId) ?? 0;
        if (version > known) vu.shared.acknowledged.set(productId, version);
        vu.count('writes');
      }
      return;
    }
    const newestBeforeSend = vu.shared.acknowledged.get(productId);
    const response = await vu.request('read product', { path: `/products/${productId}` });
    // a read that failed shows no version: unjudged, in the same unit as the judged reads
    if (response.status !== 200) return vu.count('readsUnjudged');
    vu.count('reads');
    const version = response.json<{ version?: number }>()?.version;
    if (newestBeforeSend !== undefined && typeof version === 'number' && version < newestBeforeSend) {
      vu.count('staleReads');
    }
  },
});
