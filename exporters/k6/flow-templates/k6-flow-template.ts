/** What a k6 flow template provides: the k6 code of one iteration and the custom metrics it uses. */
export interface K6FlowTemplate {
  /** custom counters the code adds to, as `counters.<name>.add(n)` */
  counters: string[];
  /** custom trends (ms) the code adds to, as `trends.<name>.add(ms)` */
  trends: string[];
  /** import declarations beyond k6/http, k6 and k6/metrics (e.g. k6/net/grpc) */
  imports?: string[];
  /** the flow's gRPC steps by name (their thresholds take k6's gRPC metric names) */
  grpcSteps?: ReadonlyMap<string, { streaming: boolean }>;
  /** module-level JavaScript ending in `export default function () { ... }` */
  code: string;
}
