import { type DocumentInfo, Emitter } from '@repertoire/plugin-api';
import type { WorkbenchUi } from '@repertoire/plugin-host';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { saveFile, showOpenDialog } from './browserFiles.ts';

/** The plugin host's view of the workbench: notifications, quick input, opening things. */
export function createWorkbenchUi(services: WorkbenchServices): WorkbenchUi & {
  readonly documentOpened: Emitter<DocumentInfo>;
  readonly selectionChanged: Emitter<{ entityIds: string[] }>;
} {
  const documentOpened = new Emitter<DocumentInfo>();
  const selectionChanged = new Emitter<{ entityIds: string[] }>();
  return {
    documentOpened,
    selectionChanged,
    showNotification(source, message, options) {
      return new Promise((resolve) => {
        const actions = (options.actions ?? []).map((label) => ({
          label,
          run: () => resolve(label),
        }));
        services.notifications.notify({
          severity: options.severity ?? 'info',
          message,
          detail: source,
          ...(actions.length ? { actions } : {}),
        });
        if (actions.length === 0) resolve(undefined);
      });
    },
    showQuickPick(items, options) {
      return services.quickInput.pick(items, {
        ...(options.title ? { title: options.title } : {}),
        ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      });
    },
    showInputBox(options) {
      return services.quickInput.input({
        ...(options.title ? { title: options.title } : {}),
        ...(options.placeholder ? { placeholder: options.placeholder } : {}),
        ...(options.value ? { value: options.value } : {}),
      });
    },
    showOpenDialog,
    saveFile,
    async openEntity(id) {
      services.editors.open(`entity:${id}`);
    },
    async openDocument(id) {
      services.editors.open(`doc:${id}`);
    },
    onDidOpenDocument: documentOpened.event,
    onDidChangeSelection: selectionChanged.event,
  };
}
