import type { CustomView } from '../services/customViews.ts';
import { combineDisposables, type Disposable, toDisposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** The view registered as the editor of co-edited documents, if a plugin provides one. */
export const documentEditorView = (services: WorkbenchServices): CustomView | undefined =>
  services.customViews.all().find((v) => v.documentEditor);

/**
 * Mounts the document editor for an entity into `element`, embedded in the view that asked (the
 * API's `mountDocumentEditor`: an entity page showing its document), and
 * mounts it again when the editor plugin is enabled, disabled or reloaded; without one, says which
 * plugin to enable. Dispose to remove it.
 */
export function mountDocumentEditor(
  services: WorkbenchServices,
  element: HTMLElement,
  entityId: string,
): Disposable {
  const slot = document.createElement('div');
  slot.className = 'rp-custom-view rp-document-slot';
  element.append(slot);
  let shown: CustomView | undefined;
  let mounted: Disposable | undefined;
  const render = () => {
    const editor = documentEditorView(services);
    if (mounted && editor === shown) return;
    mounted?.dispose();
    mounted = undefined;
    slot.replaceChildren();
    shown = editor;
    if (!editor) {
      const note = document.createElement('p');
      note.className = 'rp-empty';
      note.textContent =
        'No document editor is enabled, so this text cannot be shown. Enable the Editor plugin.';
      slot.append(note);
      return;
    }
    slot.dataset.view = editor.id;
    // Embedded: the page around it shows the title and the read-only banner, not the editor.
    mounted = editor.mount(slot, { entityId, embedded: true });
  };
  render();
  return combineDisposables(
    services.customViews.onDidChange(render),
    toDisposable(() => {
      mounted?.dispose();
      slot.remove();
    }),
  );
}
