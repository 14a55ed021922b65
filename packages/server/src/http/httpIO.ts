import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../store/errors.ts';

/** Sends `body` as JSON with `status`. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  assertSettled(body);
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/** Sends an {@link ApiError} (or a generic 500 for anything else) in the API's error shape. */
export function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof ApiError) {
    sendJson(
      response,
      error.status,
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        },
      },
      error.retryAfterSeconds === undefined
        ? {}
        : { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) },
    );
    return;
  }
  sendJson(response, 500, { error: { code: 'internal', message: 'internal server error' } });
}

/** Reads a JSON object body of at most `limit` bytes; an empty body is `{}`. */
export async function readJson(
  request: IncomingMessage,
  limit: number,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError('too_large', `the request body is over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError('invalid_input', 'the request body is not valid JSON', 'body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ApiError('invalid_input', 'the request body must be a JSON object', 'body');
  return parsed as Record<string, unknown>;
}

/** The value of cookie `name`, if sent. */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The client's address, for rate limits. */
export function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

const isPromise = (value: unknown) =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** A promise in a response (a missed `await`) would be sent as `{}`: a 500 names it instead. */
function assertSettled(body: unknown): void {
  if (isPromise(body)) throw new Error('a response body is a promise (a missing await)');
  if (body && typeof body === 'object')
    for (const [key, value] of Object.entries(body))
      if (isPromise(value))
        throw new Error(`the response field '${key}' is a promise (a missing await)`);
}
