import { type ErrorEnvelope, errorEnvelopeSchema } from '../../shared/errors.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';

/** Raw bytes sent as the request body with their own content type (an upload), instead of JSON. */
export class BinaryBody {
  constructor(
    readonly bytes: Uint8Array<ArrayBuffer>,
    readonly contentType: string,
  ) {}
}

/** One call to the backend (a JSON or binary body, a JSON answer), turned into a result: never throws for HTTP or network failures. */
export async function callApi<T>(
  backendUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeResult<T>> {
  let res: Response;
  const binary = body instanceof BinaryBody;
  const contentType = binary ? body.contentType : body !== undefined ? 'application/json' : undefined;
  try {
    res = await fetchImpl(new URL(path, backendUrl), {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body: binary ? body.bytes : body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: `Cannot reach the backend at ${backendUrl}.` } };
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, value: data as T };
  const parsed = errorEnvelopeSchema.safeParse(data);
  if (parsed.success) {
    const e: ErrorEnvelope['error'] = parsed.data.error;
    return {
      ok: false,
      error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) },
    };
  }
  return { ok: false, error: { code: 'INTERNAL', message: `The backend answered HTTP ${res.status}.` } };
}

/**
 * A GET whose body the caller reads as a stream (a CSV export): the response when the backend
 * answers 2xx, else the backend's error as a result. Aborting `signal` stops the download.
 */
export async function openApiStream(
  backendUrl: string,
  token: string,
  path: string,
  signal: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeResult<Response>> {
  let res: Response;
  try {
    res = await fetchImpl(new URL(path, backendUrl), {
      headers: { authorization: `Bearer ${token}` },
      signal,
    });
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: `Cannot reach the backend at ${backendUrl}.` } };
  }
  if (res.ok) return { ok: true, value: res };
  const parsed = errorEnvelopeSchema.safeParse(await res.json().catch(() => undefined));
  return parsed.success
    ? { ok: false, error: { code: parsed.data.error.code, message: parsed.data.error.message } }
    : { ok: false, error: { code: 'INTERNAL', message: `The backend answered HTTP ${res.status}.` } };
}
