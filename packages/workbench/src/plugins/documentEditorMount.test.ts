// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import type { CustomViewTarget } from '../services/customViews.ts';
import { createWorkbenchServices } from '../services/workbenchServices.ts';
import { mountDocumentEditor } from './documentEditorMount.ts';

it("embeds the document editor plugin's view in a page, and says which plugin to enable without one", () => {
  const services = createWorkbenchServices();
  const host = document.createElement('div');
  const mounted = mountDocumentEditor(services, host, 'notes-1');
  expect(host.textContent).toMatch(/Enable the Editor plugin/);

  // The plugin arrives: its view is mounted embedded, so it leaves the title and banner to the page.
  const targets: CustomViewTarget[] = [];
  const registration = services.customViews.register({
    id: 'editor.documents',
    documentEditor: true,
    mount(element, target) {
      targets.push(target);
      element.textContent = 'the editor';
      return { dispose: () => element.replaceChildren() };
    },
  });
  expect(targets).toEqual([{ entityId: 'notes-1', embedded: true }]);
  expect(host.textContent).toBe('the editor');
  registration.dispose();
  expect(host.textContent).toMatch(/Enable the Editor plugin/);
  mounted.dispose();
  expect(host.childElementCount).toBe(0);
});
