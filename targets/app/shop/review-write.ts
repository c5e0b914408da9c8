/**
 * Posting a review: insert it and bump the product's version in one transaction. The author is the
 * seeded user picked by the caller's name (a stable hash), so writes need no login.
 */
import type pg from 'pg';
import { inPoolTransaction } from '../pg-transaction.ts';

export interface NewReview {
  productId: number;
  rating: number;
  text: string;
  /** picks the author among the seeded users; any string */
  user: string;
}

const bumpVersionSql = 'UPDATE products SET version = version + 1 WHERE id = $1 RETURNING version';

const insertReviewSql = `
INSERT INTO reviews (product_id, user_id, rating, body, created_at)
SELECT $1, 1 + ($2::bigint % max(u.id)), $3, $4, now() FROM users u`;

/** the product's new version, or undefined when there is no such product (nothing is written) */
export async function writeReview(pool: pg.Pool, review: NewReview): Promise<number | undefined> {
  return inPoolTransaction(pool, async (client) => {
    const { rows } = await client.query<{ version: number }>(bumpVersionSql, [review.productId]);
    const version = rows[0]?.version;
    // no such product: the UPDATE matched nothing, so committing writes nothing either
    if (version === undefined) return undefined;
    await client.query(insertReviewSql, [
      review.productId,
      userHash(review.user),
      review.rating,
      review.text,
    ]);
    return version;
  });
}

function userHash(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i += 1) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) >>> 0;
  return hash;
}
