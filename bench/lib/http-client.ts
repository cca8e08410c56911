import http from 'node:http';
import { gunzipSync } from 'node:zlib';

/** Keep-alive connections, as a webhook sender or a browser would hold them. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpResult {
  status: number;
  body: string;
}

/**
 * A bare HTTP request on node:http (lighter than fetch, so the load generator's own cost stays
 * small and is the same for the baseline and for the product).
 */
export function request(
  method: string,
  url: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
  retried = false,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
            resolve({ status: res.statusCode ?? 0, body: body.toString() });
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed as idle just as we reused it: Node's documented race;
      // the request never reached the server, so sending it again on a fresh socket is safe.
      if (req.reusedSocket && err.code === 'ECONNRESET' && !retried)
        request(method, url, body, headers, true).then(resolve, reject);
      else reject(err);
    });
    req.end(body);
  });
}

/**
 * The backend's JSON API: `token` becomes the bearer header; non-2xx answers throw with the body.
 * Like the extension's fetch (any browser's), it accepts gzip, which the backend uses for large
 * answers; `extraHeaders` may say otherwise (accept-encoding: identity).
 */
export function apiClient(baseUrl: string) {
  return async <T = unknown>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> => {
    const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await request(
      method,
      `${baseUrl}${path}`,
      body === undefined ? undefined : JSON.stringify(body),
      headers,
    );
    if (res.status < 200 || res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return (res.body ? JSON.parse(res.body) : undefined) as T;
  };
}

export type Api = ReturnType<typeof apiClient>;

export function closeConnections() {
  agent.destroy();
}
