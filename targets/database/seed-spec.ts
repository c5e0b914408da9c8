/** The seed size of the orders data set, from ORDERS_SEED="customers=100,skus=500,orders=20000,maxLines=5,seed=42". */
import { ScalebenchError } from '../../core/errors.ts';
import { defaultSeedSpec, type SeedSpec } from '../app/orders/seed-data.ts';

export function parseSeedSpec(text: string | undefined): SeedSpec {
  const spec: SeedSpec = { ...defaultSeedSpec };
  if (!text) return spec;
  const problems: string[] = [];
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const [key, raw] = part.split('=').map((s) => s.trim());
    const value = Number(raw);
    if (!key || !Object.hasOwn(spec, key)) problems.push(`unknown key '${key}'`);
    else if (!Number.isInteger(value) || value < (key === 'seed' ? 0 : 1))
      problems.push(`${key}=${raw} is not a positive integer`);
    else spec[key as keyof SeedSpec] = value;
  }
  if (problems.length > 0) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `bad ORDERS_SEED: ${problems.join('; ')}`, {
      hint: `e.g. ORDERS_SEED=customers=100,skus=500,orders=20000,maxLines=5,seed=42`,
    });
  }
  return spec;
}
