import type { HealthCheckOverview, HealthRoundInfo } from '@repertoire/plugin-api';
import type { HealthChecksBackend } from '@repertoire/plugin-host';
import { serverCall as call } from './serverCall.ts';

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
