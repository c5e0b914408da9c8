/**
 * The deterministic seed data set: the same spec always yields the same customers, SKUs, orders and
 * lines (a seeded PRNG, fixed timestamps), so every run of every variant starts from identical data.
 */
import { seededRandom } from '../../../core/seeded-random.ts';
import { lineView, type NewLine, type OrderView, type SkuRow, withLines } from './order-view.ts';

export interface SeedSpec {
  customers: number;
  skus: number;
  orders: number;
  /** lines per order are 1..maxLines */
  maxLines: number;
  seed: number;
}

export const defaultSeedSpec: SeedSpec = {
  customers: 2000,
  skus: 500,
  orders: 20_000,
  maxLines: 5,
  seed: 42,
};

/** the marker stored in orders_seed; a different spec (or format version) means reseeding */
export function seedSpecKey(spec: SeedSpec): string {
  return `v1:c=${spec.customers},s=${spec.skus},o=${spec.orders},l=${spec.maxLines},seed=${spec.seed}`;
}

const firstNames = [
  'Ada',
  'Alan',
  'Barbara',
  'Claude',
  'Donald',
  'Edsger',
  'Frances',
  'Grace',
  'Ken',
  'Leslie',
];
const lastNames = ['Hopper', 'Knuth', 'Liskov', 'Lovelace', 'Ritchie', 'Shannon', 'Thompson', 'Turing'];
const adjectives = ['Blue', 'Compact', 'Deluxe', 'Eco', 'Heavy', 'Quiet', 'Rapid', 'Smart', 'Solid', 'Tiny'];
const nouns = ['Anvil', 'Bracket', 'Cable', 'Drill', 'Gear', 'Hinge', 'Lamp', 'Pump', 'Valve', 'Widget'];

export interface SeedCustomer {
  id: number;
  name: string;
  email: string;
}

export interface SeedOrder {
  id: number;
  customerId: number;
  createdAt: Date;
  lines: NewLine[];
}

export interface SeedData {
  customers: SeedCustomer[];
  skus: SkuRow[];
  orders: SeedOrder[];
}

const epoch = Date.UTC(2024, 0, 1);

export function generateSeedData(spec: SeedSpec): SeedData {
  const random = seededRandom(spec.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const customers = Array.from({ length: spec.customers }, (_, index) => {
    const name = `${pick(firstNames)} ${pick(lastNames)} #${index + 1}`;
    return { id: index + 1, name, email: `customer${index + 1}@example.test` };
  });
  const skus = Array.from({ length: spec.skus }, (_, index) => ({
    id: index + 1,
    name: `${pick(adjectives)} ${pick(nouns)} ${index + 1}`,
    price_cents: between(100, 20_000),
  }));
  const orders = Array.from({ length: spec.orders }, (_, index) => {
    const lineCount = between(1, spec.maxLines);
    const lines = Array.from({ length: lineCount }, (_, lineIndex) => ({
      lineNo: lineIndex + 1,
      sku: skus[between(0, skus.length - 1)]!,
      qty: between(1, 4),
    }));
    return {
      id: index + 1,
      customerId: between(1, spec.customers),
      createdAt: new Date(epoch + index * 60_000),
      lines,
    };
  });
  return { customers, skus, orders };
}

/** the denormalized document of a seeded order: the join done in code */
export function seedOrderView(order: SeedOrder, customers: readonly SeedCustomer[]): OrderView {
  const customer = customers[order.customerId - 1]!;
  return withLines(
    {
      id: order.id,
      version: 1,
      customer: { id: customer.id, name: customer.name },
      createdAt: order.createdAt.toISOString(),
    },
    order.lines.map(lineView),
  );
}
