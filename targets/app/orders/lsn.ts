/** PostgreSQL WAL positions ('16/B374D848': high and low 32-bit halves in hex) and the bytes between them. */

export function parseLsn(lsn: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn.trim());
  if (!match) throw new Error(`not a WAL position: '${lsn}'`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** bytes from `behind` to `ahead`; 0 when `behind` has already caught up or passed it */
export function lsnLagBytes(ahead: string, behind: string): number {
  const diff = parseLsn(ahead) - parseLsn(behind);
  return diff > 0n ? Number(diff) : 0;
}
