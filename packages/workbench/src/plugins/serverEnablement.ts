import type { EnablementStore, PluginEnablement } from '@repertoire/plugin-host';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { type Disposable, toDisposable } from '../services/disposable.ts';

/** The graph document's settings key that tells other members the record changed. */
const CHANGED = 'pluginsChangedAt';

/**
 * The workspace's record of enabled plugins on the server (`/api/workspaces/:id/plugins`), the one
 * source the web app's plugin host follows; the server checks each change against the member's
 * role and the owner's locks, and its message is the error.
 */
export function serverEnablementStore(
  session: WorkspaceSession,
  doFetch: typeof fetch = (input, init) => fetch(input, init),
): EnablementStore {
  const base = `/api/workspaces/${encodeURIComponent(session.summary.id)}/plugins`;
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await doFetch(`${base}${path}`, {
      credentials: 'include',
      ...init,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
    });
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } } & T;
    if (!res.ok) throw new Error(body.error?.message ?? `the server answered ${res.status}`);
    return body;
  };
  return {
    load: async () => (await call<{ plugins: PluginEnablement[] }>('')).plugins,
    async change(pluginId, change) {
      const { plugin } = await call<{ plugin: PluginEnablement }>(
        `/${encodeURIComponent(pluginId)}`,
        { method: 'PUT', body: JSON.stringify(change) },
      );
      // A signal, not the state: other members' windows read the record again when it moves.
      const settings = session.workspace.graphMaps.settings;
      settings.doc?.transact(() => settings.set(CHANGED, Date.now()));
      return plugin;
    },
  };
}

/** Calls `refresh` whenever another member signals that the record of enabled plugins changed. */
export function onEnablementSignal(session: WorkspaceSession, refresh: () => void): Disposable {
  const settings = session.workspace.graphMaps.settings;
  const observer = (event: { keysChanged: Set<string>; transaction: { local: boolean } }) => {
    if (event.keysChanged.has(CHANGED) && !event.transaction.local) refresh();
  };
  settings.observe(observer);
  return toDisposable(() => settings.unobserve(observer));
}
