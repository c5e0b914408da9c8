/** k6 code mirroring scenarios/flows/product-flow.ts: read product pages, post reviews, spot stale reads. */
import type { K6FlowTemplate } from './k6-flow-template.ts';

export const productTemplate: K6FlowTemplate = {
  counters: ['reads', 'writes', 'staleReads'],
  trends: [],
  code: `// Newest version acknowledged per product. k6 VUs share no memory, so each VU judges staleness by the
// writes it saw acknowledged itself (scalebench shares them across all VUs of a thread).
/** @type {Map<number, number>} */
const acknowledged = new Map();

export default function () {
  const hotProducts = Number(PARAMS.hotProducts ?? 200);
  const writeRatio = Number(PARAMS.writeRatio ?? 0.05);
  const productId = 1 + Math.floor(Math.random() * hotProducts);
  if (Math.random() < writeRatio) {
    const res = postJson('post review', \`/products/\${productId}/reviews\`, {
      rating: 1 + ((__ITER + 1) % 5),
      text: \`review by vu \${__VU - 1}\`,
    });
    const version = res.status === 201 ? jsonBody(res)?.version : undefined;
    if (typeof version === 'number') {
      if (version > (acknowledged.get(productId) ?? 0)) acknowledged.set(productId, version);
      counters.writes.add(1);
    }
    return;
  }
  const newestBeforeSend = acknowledged.get(productId);
  const res = get('read product', \`/products/\${productId}\`);
  if (res.status !== 200) return;
  counters.reads.add(1);
  const version = jsonBody(res)?.version;
  const stale = newestBeforeSend !== undefined && typeof version === 'number' && version < newestBeforeSend;
  check(res, { 'fresh read': () => !stale });
  if (stale) counters.staleReads.add(1);
}
`,
};
