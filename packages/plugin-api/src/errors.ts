/**
 * Thrown (and rejected across the Worker boundary, where `name` survives) when a plugin calls an API
 * its manifest's `permissions` do not grant. Check `error.name === 'PermissionDeniedError'`.
 */
export class PermissionDeniedError extends Error {
  /** The permission the call needed, e.g. `graph.write`. */
  readonly permission: string;

  /**
   * @param pluginId the plugin that made the call.
   * @param permission the permission it lacks.
   * @param call what it tried, e.g. `graph.transact`.
   */
  constructor(pluginId: string, permission: string, call: string) {
    super(
      `Plugin ${pluginId} may not call ${call}: it lacks the "${permission}" permission (add it to repertoire.permissions in its package.json).`,
    );
    this.name = 'PermissionDeniedError';
    this.permission = permission;
  }
}
