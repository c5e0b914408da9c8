/** The same interface over undici's Pool, kept to compare against the raw client (and as a fallback). */
import { performance } from 'node:perf_hooks';
import { type Dispatcher, Pool } from 'undici';
import type { HeaderMap } from '../../load-model/flows/header-map.ts';
import { codedError } from './classify-error.ts';
import { failedResult } from './client-common.ts';
import { DEFAULT_MAX_BODY } from './response-parser.ts';
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
  readonly protocol = 'http/1.1' as const;
  private readonly pool: Pool;

  constructor(private readonly options: HttpClientOptions) {
    const tls = options.tls ?? {};
    this.pool = new Pool(options.origin, {
      connect: {
        rejectUnauthorized: tls.insecure !== true,
        ...(tls.ca === undefined ? {} : { ca: tls.ca }),
      },
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
      const headAt = performance.now();
      const body = prepared.keepBody
        ? await readCapped(response.body, this.options.maxBody ?? DEFAULT_MAX_BODY)
        : await skipBody(response.body);
      const headers: HeaderMap = {};
      for (const [name, value] of Object.entries(response.headers))
        if (value !== undefined) headers[name] = value;
      const cookie = headers['set-cookie'];
      if (typeof cookie === 'string') headers['set-cookie'] = [cookie];
      const servedBy = this.options.servedByHeader ? headers[this.options.servedByHeader] : undefined;
      const doneAt = performance.now();
      // undici does not say when it connected: waiting runs from the send (a new connection's
      // connect and handshake included) to the response head, receiving from there to the end
      return {
        status: response.statusCode,
        headers,
        body,
        sentAt,
        doneAt,
        servedBy: Array.isArray(servedBy) ? servedBy.join(', ') : servedBy,
        connecting: 0,
        tlsHandshaking: 0,
        waiting: headAt - sentAt,
        receiving: doneAt - headAt,
      };
    } catch (error: unknown) {
      return failedResult(error, sentAt);
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

type Body = Dispatcher.ResponseData['body'];

/** The body's bytes, or an error once more than `max` arrived (the rest is not read). */
async function readCapped(body: Body, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of body) {
    size += (part as Buffer).length;
    if (size > max) {
      body.destroy();
      throw codedError('SB_BODY_TOO_LARGE', `response body larger than ${max} bytes (maxBody)`);
    }
    parts.push(part as Buffer);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** Reads the body to its end without keeping it (dump() would give up on a large one and close). */
async function skipBody(body: Body): Promise<Buffer> {
  for await (const _ of body) {
    // discarded
  }
  return EMPTY_BODY;
}
