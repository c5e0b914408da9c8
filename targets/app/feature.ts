/**
 * A feature is one group of routes with the resources it owns (pools, clients). The app mounts the
 * features listed in its config; each closes what it opened on shutdown.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppConfig } from './config.ts';
import type { Counters } from './metrics.ts';
import type { Router } from './router.ts';

export interface FeatureContext {
  config: AppConfig;
  counters: Counters;
}

export interface Feature {
  register(router: Router): void;
  /** extra /healthz checks, e.g. a database ping; throw when not ready */
  ready?(): Promise<void>;
  /** a WebSocket upgrade request: true when this feature took the socket */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

export type FeatureFactory = (ctx: FeatureContext) => Promise<Feature>;
