/** The explicit map of feature name → factory; FEATURES in the config picks which are mounted. */
import type { FeatureFactory } from './feature.ts';
import { createOrdersFeature } from './orders/feature.ts';
import { createShopFeature } from './shop/shop-feature.ts';
import { createWorkFeature } from './work/feature.ts';

export const featureFactories: Record<string, FeatureFactory> = {
  orders: createOrdersFeature,
  shop: createShopFeature,
  work: createWorkFeature,
};
