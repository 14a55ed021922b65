/**
 * One call to the server's JSON API with this page's session cookie: the body as JSON when given,
 * and the server's own error message thrown when it refuses, so a plugin shows the member why.
 */
export async function serverCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json().catch(() => undefined)) as
    | (T & { error?: { message?: string } })
    | undefined;
  if (!response.ok)
    throw new Error(data?.error?.message ?? `${method} ${path}: ${response.status}`);
  return data as T;
}
