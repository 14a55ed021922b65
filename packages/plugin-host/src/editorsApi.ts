import {
  type EditorsApi,
  type Event,
  type PluginPermission,
  toDisposable,
} from '@repertoire/plugin-api';
import type { WorkbenchUi } from './services.ts';

const never: Event<string | undefined> = () => toDisposable(() => undefined);

/**
 * The API's `editors` for one plugin: which entity the active tab shows is graph data, so reading
 * or following it needs `graph.read`; closing an entity's tabs needs it too (it names an entity).
 */
export function createEditorsApi(
  ui: WorkbenchUi,
  need: (permission: PluginPermission, call: string) => void,
  tracked: <T>(event: Event<T>, permission?: [PluginPermission, string]) => Event<T>,
): EditorsApi {
  return {
    async activeEntity() {
      need('graph.read', 'editors.activeEntity');
      return ui.activeEntity?.();
    },
    onDidChangeActiveEntity: tracked(ui.onDidChangeActiveEntity ?? never, [
      'graph.read',
      'editors.onDidChangeActiveEntity',
    ]),
    async closeEntity(id) {
      need('graph.read', 'editors.closeEntity');
      if (typeof id !== 'string' || id === '')
        throw new Error('editors.closeEntity: give the id of an entity.');
      await ui.closeEntity?.(id);
    },
  };
}
