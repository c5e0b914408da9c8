/**
 * The dashboard's URL for phones (--dashboard-host) as a QR code: ANSI blocks on a terminal, plain
 * Unicode blocks in a log.
 */
export async function qrCode(url: string, isTTY: boolean): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(url, isTTY ? { type: 'terminal', small: true } : { type: 'utf8' });
}
