/** The same interface over undici's Pool, kept to compare against the raw client (and as a fallback). */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import type { HeaderMap } from '../../load-model/flows/header-map.ts';
import { classifyError } from './classify-error.ts';
import {
  EMPTY_BODY,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResult,
  type PreparedRequest,
} from './types.ts';

interface UndiciPrepared extends PreparedRequest {
  readonly request: HttpRequest;
}

export class UndiciHttpClient implements HttpClient {
  readonly kind = 'undici' as const;
  private readonly pool: Pool;

  constructor(private readonly options: HttpClientOptions) {
    this.pool = new Pool(options.origin, {
      connections: options.connections,
      pipelining: 1,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connectTimeout: options.timeoutMs,
    });
  }

  prepare(request: HttpRequest, keepBody: boolean): PreparedRequest {
    const prepared: UndiciPrepared = {
      method: request.method.toUpperCase(),
      bytes: EMPTY_BODY,
      keepBody,
      request: { ...request, method: request.method.toUpperCase() },
    };
    return prepared;
  }

  async send(prepared: PreparedRequest): Promise<HttpResult> {
    const { request } = prepared as UndiciPrepared;
    const sentAt = performance.now();
    try {
      const response = await this.pool.request({
        path: request.path,
        method: request.method as 'GET',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      let body = EMPTY_BODY;
      if (prepared.keepBody) body = Buffer.from(await response.body.arrayBuffer());
      else await response.body.dump();
      const headers: HeaderMap = {};
      for (const [name, value] of Object.entries(response.headers))
        if (value !== undefined) headers[name] = value;
      const cookie = headers['set-cookie'];
      if (typeof cookie === 'string') headers['set-cookie'] = [cookie];
      const servedBy = this.options.servedByHeader ? headers[this.options.servedByHeader] : undefined;
      return {
        status: response.statusCode,
        headers,
        body,
        sentAt,
        doneAt: performance.now(),
        servedBy: Array.isArray(servedBy) ? servedBy.join(', ') : servedBy,
      };
    } catch (error: unknown) {
      return {
        status: 0,
        headers: {},
        body: EMPTY_BODY,
        sentAt,
        doneAt: performance.now(),
        errorClass: classifyError(error),
        errorMessage: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
