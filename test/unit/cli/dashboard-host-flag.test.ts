/**
 * `--dashboard-host <addr>`: an IP address or exit 2, only with --dashboard, a fresh 128-bit token each
 * time, and the URL as a QR code (plain Unicode blocks in a log, no escape codes).
 */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { parseDashboardHost } from '../../../cli/dashboard-address.ts';
import { parseLiveOptions } from '../../../cli/live-flags.ts';
import { ScalebenchError } from '../../../core/errors.ts';
import { qrCode } from '../../../orchestration/live/qr-code.ts';

describe('--dashboard-host', () => {
  it('needs --dashboard', () => {
    expect(() => parseLiveOptions({ dashboardHost: '0.0.0.0' }, null)).toThrow(
      /--dashboard-host needs --dashboard/,
    );
  });

  it('takes an IP address, else exit 2 with a hint', () => {
    const error = (() => {
      try {
        parseDashboardHost('my-laptop');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ScalebenchError);
    expect((error as ScalebenchError).exitCode).toBe(2);
    expect((error as ScalebenchError).hint).toContain('0.0.0.0');
  });

  it('draws a fresh token for every run and names a reachable address for 0.0.0.0', () => {
    const first = parseLiveOptions({ dashboard: true, dashboardHost: '0.0.0.0' }, null).dashboard!.address!;
    const second = parseDashboardHost('0.0.0.0');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.host).toBe('0.0.0.0');
    expect(first.urlHost).not.toBe('');
    expect(parseDashboardHost('127.0.0.1').urlHost).toBe('127.0.0.1');
  });

  it('leaves the default dashboard on 127.0.0.1 without a token', () => {
    expect(parseLiveOptions({ dashboard: true }, null).dashboard!.address).toBeUndefined();
  });

  it('prints the URL as a QR code of the right size, without escape codes in a log', async () => {
    const url = 'http://192.0.2.7:8089/?token=AAAAAAAAAAAAAAAAAAAAAA';
    const plain = await qrCode(url, false);
    expect(plain).not.toContain('\x1b[');
    expect(plain).toMatch(/[█▀▄]/);
    const size = QRCode.create(url, {}).modules.size;
    // two module rows per text line, a 2-module margin all round
    expect(plain.trimEnd().split('\n')).toHaveLength(Math.ceil((size + 4) / 2));
    expect(await qrCode(url, true)).toContain('\x1b[');
  });
});
