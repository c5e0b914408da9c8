/** k6 code mirroring scenarios/flows/cart-flow.ts: log in, add items, read the cart back, judge the session. */
import type { K6FlowTemplate } from './k6-flow-template.ts';

export const cartTemplate: K6FlowTemplate = {
  counters: ['sessions', 'sessionsLost', 'sessionsUnjudged'],
  trends: [],
  code: `// One shopper per k6 VU, its session in the VU's cookie jar (scalebench keeps a population of
// PARAMS.users shoppers and gives each arrival an idle one; k6 VUs are that population here).
/** @type {number[]} */
let cart = [];
let loggedIn = false;
/** counted in sessions: judged once (sessions are counted when judged, as scalebench's flow counts them) */
let judged = false;

/** a transport failure (a killed clone) or a 5xx: not judged, an error counted apart */
/** @param {import('k6/http').Response} res */
function brokeDown(res) {
  return res.status === 0 || res.status >= 500;
}

/** @returns {'intact' | 'lost' | 'unjudged'} */
function shop() {
  const items = Number(PARAMS.items ?? 3);
  const catalog = Number(PARAMS.catalog ?? 100);
  for (let i = 0; i < items; i += 1) {
    const productId = 1 + Math.floor(Math.random() * catalog);
    const res = postJson('add item', '/cart/items', { productId });
    if (res.status === 401) return 'lost';
    if (brokeDown(res)) return 'unjudged';
    cart.push(productId);
  }
  const read = get('read cart', '/cart');
  if (brokeDown(read)) return 'unjudged';
  /** @type {unknown[]} */
  const seen = read.status === 200 ? (jsonBody(read)?.items ?? []) : [];
  const intact = seen.length === cart.length && seen.every((id, index) => id === cart[index]);
  check(read, { 'cart intact': () => intact });
  return intact ? 'intact' : 'lost';
}

export default function () {
  if (!loggedIn) {
    http.cookieJar().clear(BASE_URL);
    const login = postJson('login', '/login', { user: \`shopper-\${__VU - 1}\` });
    loggedIn = login.status > 0 && login.status < 400;
    cart = [];
    judged = false;
    return;
  }
  const verdict = shop();
  // one unit, sessions: judged at its first judgement, unjudged when given up before any
  if (verdict === 'unjudged') {
    if (!judged) counters.sessionsUnjudged.add(1);
  } else if (!judged) {
    counters.sessions.add(1);
    judged = true;
  }
  if (verdict === 'intact') return;
  if (verdict === 'lost') counters.sessionsLost.add(1);
  loggedIn = false;
}
`,
};
