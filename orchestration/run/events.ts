/**
 * What the suite runner tells the outside while it works: the CLI turns these into progress lines, and
 * its event bus (orchestration/live/event-bus.ts) hands them to the dashboard, events.ndjson and Prometheus.
 * The records are the live-event vocabulary of results/live-events.ts.
 */
import type { LiveEventBody } from '../../results/live-events.ts';

export type SuiteEvent = LiveEventBody;
