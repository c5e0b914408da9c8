/**
 * `--dashboard-host <addr>`: the dashboard for a room. The page is served on that address (0.0.0.0: all
 * of this machine's), every URL needs a random token that only the printed URL carries, and the URL is
 * also printed as a QR code for phones (orchestration/live/qr-code.ts). The default stays 127.0.0.1
 * without a token.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { ScalebenchError } from '../core/errors.ts';
import type { DashboardAddress } from '../orchestration/live/live-outputs.ts';

/** 128 bits, URL-safe: not guessable from the room */
export function newDashboardToken(): string {
  return randomBytes(16).toString('base64url');
}

/** the first external IPv4 address of this machine (what a 0.0.0.0 listener is reached on), if any */
function externalAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) return entry.address;
    }
  }
  return undefined;
}

export function parseDashboardHost(text: string): DashboardAddress {
  if (isIP(text) === 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--dashboard-host '${text}' is not an IP address`, {
      hint: 'pass an address of this machine (ip addr shows them), or 0.0.0.0 for all of them',
    });
  }
  const any = text === '0.0.0.0' || text === '::';
  return { host: text, urlHost: any ? (externalAddress() ?? text) : text, token: newDashboardToken() };
}
