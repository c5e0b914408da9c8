/**
 * The product page: three parameterized queries through a SqlRunner (so the query cache can sit in
 * between) assembled into one object. Uncached it costs a few milliseconds on purpose: aggregates over
 * the product's reviews, the recent reviews with their authors' names and
 * reputation, the best-rated products of its category, and what its latest reviewers also reviewed.
 */

export interface SqlRunner {
  rows<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

export interface ReviewView {
  id: number;
  rating: number;
  text: string;
  author: string;
  /** how many reviews the author has written, and their average rating */
  authorReviewCount: number;
  authorAvgRating: number;
  createdAt: string;
}

export interface SimilarProduct {
  id: number;
  name: string;
  reviewCount: number;
  avgRating: number;
}

export interface ProductPage {
  id: number;
  name: string;
  category: number;
  priceCents: number;
  description: string;
  version: number;
  reviewCount: number;
  avgRating: number;
  /** number of 1..5 star reviews, index 0 = 1 star */
  ratingHistogram: number[];
  recentReviews: ReviewView[];
  similar: SimilarProduct[];
  /** products that this product's latest reviewers also reviewed ("reviewers also liked") */
  alsoReviewed: SimilarProduct[];
}

export const productSql = `
SELECT p.id, p.name, p.category, p.price_cents, p.description, p.version,
  count(r.id)::int AS review_count, coalesce(avg(r.rating), 0)::float8 AS avg_rating,
  count(*) FILTER (WHERE r.rating = 1)::int AS r1, count(*) FILTER (WHERE r.rating = 2)::int AS r2,
  count(*) FILTER (WHERE r.rating = 3)::int AS r3, count(*) FILTER (WHERE r.rating = 4)::int AS r4,
  count(*) FILTER (WHERE r.rating = 5)::int AS r5
FROM products p LEFT JOIN reviews r ON r.product_id = p.id
WHERE p.id = $1
GROUP BY p.id`;

/** the twenty newest reviews with their authors' names and reputation (all their reviews, aggregated) */
export const recentReviewsSql = `
SELECT r.id, r.rating, r.body, r.created_at, u.name AS author,
  a.review_count AS author_review_count, a.avg_rating AS author_avg_rating
FROM (
  SELECT id, user_id, rating, body, created_at FROM reviews
  WHERE product_id = $1 ORDER BY created_at DESC, id DESC LIMIT 20
) r
JOIN users u ON u.id = r.user_id
CROSS JOIN LATERAL (
  SELECT count(*)::int AS review_count, avg(x.rating)::float8 AS avg_rating
  FROM reviews x WHERE x.user_id = r.user_id
) a
ORDER BY r.created_at DESC, r.id DESC`;

/** the best-rated other products of the same category, aggregated over all their reviews */
export const similarProductsSql = `
SELECT p.id, p.name, count(r.id)::int AS review_count, avg(r.rating)::float8 AS avg_rating
FROM products p JOIN reviews r ON r.product_id = p.id
WHERE p.category = $1 AND p.id <> $2
GROUP BY p.id
ORDER BY avg_rating DESC, review_count DESC, p.id
LIMIT 5`;

/** what the ten latest reviewers of this product also reviewed, most shared first */
export const alsoReviewedSql = `
SELECT p.id, p.name, count(*)::int AS review_count, avg(o.rating)::float8 AS avg_rating
FROM (SELECT user_id FROM reviews WHERE product_id = $1 ORDER BY created_at DESC, id DESC LIMIT 10) mine
JOIN reviews o ON o.user_id = mine.user_id AND o.product_id <> $1
JOIN products p ON p.id = o.product_id
GROUP BY p.id
ORDER BY review_count DESC, avg_rating DESC, p.id
LIMIT 5`;

interface ProductRow {
  id: number;
  name: string;
  category: number;
  price_cents: number;
  description: string;
  version: number;
  review_count: number;
  avg_rating: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
}

interface ReviewRow {
  id: string | number;
  rating: number;
  body: string;
  created_at: Date | string;
  author: string;
  author_review_count: number;
  author_avg_rating: number;
}

interface SimilarRow {
  id: number;
  name: string;
  review_count: number;
  avg_rating: number;
}

/** the assembled page, or undefined when no product has this id */
export async function loadProductPage(runner: SqlRunner, id: number): Promise<ProductPage | undefined> {
  const [product] = await runner.rows<ProductRow>(productSql, [id]);
  if (!product) return undefined;
  const [reviews, similar, alsoReviewed] = await Promise.all([
    runner.rows<ReviewRow>(recentReviewsSql, [id]),
    runner.rows<SimilarRow>(similarProductsSql, [product.category, id]),
    runner.rows<SimilarRow>(alsoReviewedSql, [id]),
  ]);
  return {
    id: product.id,
    name: product.name,
    category: product.category,
    priceCents: product.price_cents,
    description: product.description,
    version: product.version,
    reviewCount: product.review_count,
    avgRating: round(product.avg_rating),
    ratingHistogram: [product.r1, product.r2, product.r3, product.r4, product.r5],
    recentReviews: reviews.map((row) => ({
      id: Number(row.id),
      rating: row.rating,
      text: row.body,
      author: row.author,
      authorReviewCount: row.author_review_count,
      authorAvgRating: round(row.author_avg_rating),
      createdAt: new Date(row.created_at).toISOString(),
    })),
    similar: similar.map(productSummary),
    alsoReviewed: alsoReviewed.map(productSummary),
  };
}

function productSummary(row: SimilarRow): SimilarProduct {
  return { id: row.id, name: row.name, reviewCount: row.review_count, avgRating: round(row.avg_rating) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
