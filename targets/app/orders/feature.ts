/**
 * Feature 'orders' (the database experiment). Writes go to the primary; reads depend on DB:
 *   normalized   — join (and, for the account page, aggregate) per request on the primary
 *   denormalized — read the precomputed order_views / customer_views document (the write path keeps them)
 *   replica      — the normalized join on the streaming replica (DATABASE_REPLICA_URL); with
 *                  DB_READS=spread, reads alternate between the replica and the primary (both servers
 *                  serve reads, the primary also every write)
 * Every read answers the order's version (the account page its lastOrderId), so a client can tell
 * whether it sees its own write.
 * With DB=replica the replica lag is sampled once a second into the replicaLagBytes/replicaLagMs gauges.
 */
import pg from 'pg';
import { z } from 'zod';
import { ScalebenchError } from '../../../core/errors.ts';
import { logConnectionErrorsOnce } from '../../services/log-connection-errors.ts';
import type { AppConfig } from '../config.ts';
import type { Feature, FeatureContext } from '../feature.ts';
import { type AppRequest, HttpError, type Router } from '../router.ts';
import { readAccountJoined, readAccountView } from './account.ts';
import { customerOrdersFromViews, customerOrdersJoined, readOrderJoined, readOrderView } from './reads.ts';
import { sampleReplicaLag } from './replica-lag.ts';
import { addOrderItems, createOrder } from './writes.ts';

const itemsSchema = z
  .array(z.object({ productId: z.number().int().positive(), qty: z.number().int().min(1).max(1000) }))
  .min(1)
  .max(50);
const createSchema = z.object({ customerId: z.number().int().positive(), items: itemsSchema });
const addItemsSchema = z.object({ items: itemsSchema });

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

function idParam(req: AppRequest, name: string): number {
  const id = Number(req.params[name]);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new HttpError(400, `bad ${name}`);
  return id;
}

function makePool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  pool.on('error', logConnectionErrorsOnce('postgres (orders)'));
  return pool;
}

type ReadPool = { db: pg.Pool; from: 'primary' | 'replica' };

interface OrderRoutes {
  primary: pg.Pool;
  /** the pool the next read goes to */
  reader: () => ReadPool;
  denormalize: boolean;
  counters: FeatureContext['counters'];
}

/** the writes, always on the primary: an order created, items added (the views kept when denormalized) */
function registerWrites(router: Router, { primary, denormalize, counters }: OrderRoutes): void {
  router.post('/orders', async (req) => {
    const input = parseBody(createSchema, req.body);
    const written = await createOrder(primary, input.customerId, input.items, denormalize);
    counters.inc('ordersCreatedTotal');
    return { status: 201, json: written };
  });
  router.post('/orders/:id/items', async (req) => {
    const input = parseBody(addItemsSchema, req.body);
    const written = await addOrderItems(primary, idParam(req, 'id'), input.items, denormalize);
    counters.inc('orderUpdatesTotal');
    return { status: 200, json: written };
  });
}

/** the reads, joined or from the views, on the pool whose turn it is; each says where it read */
function registerReads(router: Router, { reader, denormalize, counters }: OrderRoutes): void {
  router.get('/orders/:id', async (req) => {
    const id = idParam(req, 'id');
    const { db: readDb, from } = reader();
    const order = denormalize ? await readOrderView(readDb, id) : await readOrderJoined(readDb, id);
    counters.inc(order ? 'orderReadsTotal' : 'orderReadsNotFoundTotal');
    const headers = { 'x-read-from': from, 'x-read-path': denormalize ? 'view' : 'join' };
    if (!order) return { status: 404, json: { error: `no order ${id}` }, headers };
    return { status: 200, json: order, headers };
  });
  router.get('/customers/:id', async (req) => {
    const id = idParam(req, 'id');
    const { db: readDb, from } = reader();
    const account = denormalize ? await readAccountView(readDb, id) : await readAccountJoined(readDb, id);
    counters.inc(account ? 'accountReadsTotal' : 'orderReadsNotFoundTotal');
    const headers = { 'x-read-from': from, 'x-read-path': denormalize ? 'view' : 'join' };
    if (!account) return { status: 404, json: { error: `no customer ${id}` }, headers };
    return { status: 200, json: account, headers };
  });
  router.get('/customers/:id/orders', async (req) => {
    const id = idParam(req, 'id');
    const limit = Math.min(Number(req.query.get('limit') ?? 20) || 20, 100);
    const { db: readDb, from } = reader();
    const orders = denormalize
      ? await customerOrdersFromViews(readDb, id, limit)
      : await customerOrdersJoined(readDb, id, limit);
    return { status: 200, json: { customerId: id, orders }, headers: { 'x-read-from': from } };
  });
}

export async function createOrdersFeature({ config, counters }: FeatureContext): Promise<Feature> {
  const mode = config.DB;
  if (mode === 'replica' && !config.DATABASE_REPLICA_URL) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', 'DB=replica needs DATABASE_REPLICA_URL', {
      hint: 'point DATABASE_REPLICA_URL at a streaming replica of DATABASE_URL',
    });
  }
  const primary = makePool(config.DATABASE_URL, config.PG_POOL_MAX);
  const replica = mode === 'replica' ? makePool(config.DATABASE_REPLICA_URL!, config.PG_POOL_MAX) : undefined;
  const readers = readPools(primary, replica, config.DB_READS);
  let turn = 0;
  const reader = () => readers[turn++ % readers.length]!;
  const denormalize = mode === 'denormalized';
  const lagTimer = replica ? startLagGauges(primary, replica, counters) : undefined;

  const routes: OrderRoutes = { primary, reader, denormalize, counters };
  const register = (router: Router) => {
    registerWrites(router, routes);
    registerReads(router, routes);
  };

  return {
    register,
    ready: async () => {
      await primary.query('SELECT 1 FROM orders LIMIT 1');
      if (replica) await replica.query('SELECT 1 FROM orders LIMIT 1');
    },
    close: async () => {
      if (lagTimer) clearInterval(lagTimer);
      await Promise.all([primary.end(), replica?.end()]);
    },
  };
}

/** where reads go: the primary alone, the replica alone, or both in turn (DB_READS=spread) */
function readPools(primary: pg.Pool, replica: pg.Pool | undefined, reads: AppConfig['DB_READS']): ReadPool[] {
  if (!replica) return [{ db: primary, from: 'primary' }];
  const onReplica = { db: replica, from: 'replica' as const };
  return reads === 'spread' ? [onReplica, { db: primary, from: 'primary' }] : [onReplica];
}

function startLagGauges(primary: pg.Pool, replica: pg.Pool, counters: FeatureContext['counters']) {
  const timer = setInterval(() => {
    sampleReplicaLag(primary, replica).then(
      (sample) => {
        counters.set('replicaLagBytes', sample.lagBytes);
        counters.set('replicaLagMs', sample.lagMs);
      },
      () => counters.inc('replicaLagProbeFailuresTotal'),
    );
  }, 1000);
  timer.unref();
  return timer;
}
