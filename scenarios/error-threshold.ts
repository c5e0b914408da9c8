/**
 * The error-rate threshold every built-in experiment holds its variants to: under 1% of requests failed
 * outside the fault windows (results/fault-window.ts). A variant failing 18% of its requests all trial
 * long fails it; a kill's burst of resets, which is the fault's point, does not. Variants whose failure
 * is the pattern's point (sessions in process memory answer 401) are left without it, and the reports
 * mark their failure instead.
 */
export const errorsOutsideFaults = { http_req_failed_outside_faults: ['rate<0.01'] };
