/** How a report words a variant that did not run because a backend it needs is missing. */
import type { SkippedVariant } from '../../results/schema.ts';

/** `queued-rabbitmq: RabbitMQ does not answer at … — apt-get install rabbitmq-server …` */
export function skippedText(skip: SkippedVariant): string {
  return `${skip.name}: ${skip.reason} — ${skip.remedy}`;
}

/** what stands where the table would be when no variant has a row */
export function noVariantsText(skipped: readonly SkippedVariant[]): string {
  return skipped.length > 0 ? 'No variant ran.' : 'No variant has finished yet.';
}
