import type { HealthCheckOverview, HealthRoundInfo } from '@repertoire/plugin-api';
import type { HealthChecksBackend } from '@repertoire/plugin-host';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
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

/**
 * The plugin API's `healthChecks` over the server (`/api/workspaces/:id/health-checks`): the server
 * stamps who answers and decides what of the answers this session may see.
 */
export function serverHealthChecks(workspaceId: string): HealthChecksBackend {
  const base = `/api/workspaces/${encodeURIComponent(workspaceId)}/health-checks`;
  const round = async (method: string, path: string, body?: unknown) =>
    (await call<{ round: HealthRoundInfo }>(method, path, body)).round;
  const of = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    rounds: () => call<HealthCheckOverview>('GET', base),
    open: (input) => round('POST', base, input),
    close: (id) => round('POST', `${of(id)}/close`),
    answer: (id, answer) => round('PUT', `${of(id)}/answer`, answer),
    withdraw: (id) => round('DELETE', `${of(id)}/answer`),
  };
}
