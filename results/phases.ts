/**
 * The request phases a results file keeps a histogram of, with the k6 metric names thresholds use for
 * them (k6's http_req_connecting, http_req_tls_handshaking, http_req_waiting, http_req_receiving).
 * Apart from results/schema.ts so the load engine can name them without loading zod.
 */
export const PHASES = ['connecting', 'tlsHandshaking', 'waiting', 'receiving'] as const;
export type Phase = (typeof PHASES)[number];

/** k6 metric name → phase */
export const PHASE_METRICS: Readonly<Record<string, Phase>> = {
  http_req_connecting: 'connecting',
  http_req_tls_handshaking: 'tlsHandshaking',
  http_req_waiting: 'waiting',
  http_req_receiving: 'receiving',
};

/** phase → k6 metric name */
export const PHASE_METRIC_NAMES: Readonly<Record<Phase, string>> = {
  connecting: 'http_req_connecting',
  tlsHandshaking: 'http_req_tls_handshaking',
  waiting: 'http_req_waiting',
  receiving: 'http_req_receiving',
};
