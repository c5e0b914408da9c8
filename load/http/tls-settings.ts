/** The load options' TLS part (a CA file's path) → what the clients take (the PEM text), read once per thread. */
import { readFile } from 'node:fs/promises';
import { ScalebenchError } from '../../core/errors.ts';
import type { TlsOptions } from '../../load-model/types.ts';
import type { TlsSettings } from './types.ts';

export async function loadTlsSettings(options: TlsOptions | undefined): Promise<TlsSettings> {
  const settings: TlsSettings = { insecure: options?.insecure === true };
  const caFile = options?.caFile;
  if (caFile === undefined) return settings;
  let pem: string;
  try {
    pem = await readFile(caFile, 'utf8');
  } catch (error: unknown) {
    const code = (error as { code?: string }).code ?? String(error);
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `cannot read the CA file ${caFile} (${code})`, {
      hint: 'pass --ca the path of a PEM file holding the certificate authority that signed the server',
    });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${caFile} holds no PEM certificate`, {
      hint: 'the CA file must contain "-----BEGIN CERTIFICATE-----" blocks (convert DER with openssl x509 -inform der)',
    });
  }
  return { ...settings, ca: pem };
}
