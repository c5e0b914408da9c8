/**
 * Where remote write goes and how it proves who it is: the endpoint's URL (never with credentials in it),
 * the headers every push carries (Authorization for basic auth or a bearer token, X-Scope-OrgID for a
 * Mimir/Cortex tenant, ...), the TLS trust for an https:// endpoint, and the secrets that must never be
 * shown. `redact` is applied to every line this exporter prints.
 */

export interface RemoteWriteTls {
  /** PEM text of the certificate authorities to trust instead of the system ones */
  ca?: string;
  /** accept any certificate (testing only) */
  insecure?: boolean;
}

export interface RemoteWriteTarget {
  /** the endpoint, with no user or password in it: safe to print */
  url: string;
  /** sent with every push, Authorization included */
  headers: Record<string, string>;
  tls: RemoteWriteTls;
  /** passwords, tokens and the Authorization value: replaced by *** wherever a line might carry them */
  secrets: readonly string[];
}

const HIDDEN = '***';

/** Every occurrence of a secret (of 3 characters or more) in `text` becomes ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join(HIDDEN);
  }
  return out;
}

/** The Authorization value of basic auth, with the pieces a redaction must cover. */
export function basicAuthorization(user: string, password: string): { header: string; secrets: string[] } {
  const encoded = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return { header: `Basic ${encoded}`, secrets: [password, encoded] };
}

export function bearerAuthorization(token: string): { header: string; secrets: string[] } {
  return { header: `Bearer ${token}`, secrets: [token] };
}
