import { describe, expect, it } from 'vitest';
import {
  defaultShopSeedOptions,
  productRows,
  reviewRows,
  userRows,
} from '../../../../../targets/app/shop/seed-data.ts';

const options = {
  ...defaultShopSeedOptions,
  products: 120,
  reviewsPerProduct: 3,
  users: 40,
  productsPerCategory: 25,
};

function lines(chunks: Iterable<string>): string[] {
  return [...chunks].join('').split('\n').filter(Boolean);
}

describe('shop seed rows', () => {
  it('are the same bytes for the same options and differ for another PRNG seed', () => {
    expect(lines(reviewRows(options))).toEqual(lines(reviewRows(options)));
    expect(lines(productRows(options))).toEqual(lines(productRows(options)));
    expect(lines(reviewRows({ ...options, seed: 2 }))).not.toEqual(lines(reviewRows(options)));
  });

  it('have the requested counts and valid COPY text fields', () => {
    expect(lines(userRows(options))).toHaveLength(40);
    const products = lines(productRows(options)).map((line) => line.split('\t'));
    expect(products).toHaveLength(120);
    expect(products.every((fields) => fields.length === 5)).toBe(true);
    expect(products.at(-1)?.[2]).toBe('5');
    const reviews = lines(reviewRows(options)).map((line) => line.split('\t'));
    expect(reviews).toHaveLength(360);
    for (const [product, user, rating, body, at] of reviews) {
      expect(Number(product)).toBeGreaterThanOrEqual(1);
      expect(Number(product)).toBeLessThanOrEqual(120);
      expect(Number(user)).toBeGreaterThanOrEqual(1);
      expect(Number(user)).toBeLessThanOrEqual(40);
      expect([1, 2, 3, 4, 5]).toContain(Number(rating));
      expect(body).not.toMatch(/[\\\t\n]/);
      expect(Number.isNaN(Date.parse(at!))).toBe(false);
    }
  });
});
