import { PermissionDeniedError, type PluginPermission } from '@repertoire/plugin-api';

/** Throws {@link PermissionDeniedError} unless `granted` holds `needed`. */
export function demand(
  pluginId: string,
  granted: readonly PluginPermission[],
  needed: PluginPermission,
  call: string,
): void {
  if (!granted.includes(needed)) throw new PermissionDeniedError(pluginId, needed, call);
}
