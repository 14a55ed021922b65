import {
  type CustomViewContext,
  type CustomViewMember,
  Emitter,
  toDisposable,
} from '@repertoire/plugin-api';
import type { EntityId } from '@repertoire/schema';
import { colourFor, type WorkspaceSession } from '../account/workspaceSession.ts';
import type { CustomViewTarget } from '../services/customViews.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { mountDocumentEditor } from './documentEditorMount.ts';
import { type HomeSectionSource, mountHomeSections } from './homeSections.ts';

/** Whether an entity has a co-edited document (an artifact's text, a meeting's notes). */
export const isDocument = (session: WorkspaceSession, id: string): boolean =>
  session.workspace.getEntity(id as EntityId)?.document === true;

const currentTheme = (): 'light' | 'dark' =>
  document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';

/**
 * What a mounted custom view may use of this window, as the plugin API's documented
 * {@link CustomViewContext}: plain data (the member, read-only state, theme), opening an entity or
 * a view, and the home page's sections (from `home`, the views declared with `location: "home"`).
 * Live documents come through the permission-checked API (`documents.openLive`), never from here.
 * Dispose the returned `lifetime` when the view unmounts.
 */
export function createCustomViewContext(
  services: WorkbenchServices,
  session: WorkspaceSession,
  target: CustomViewTarget,
  home?: HomeSectionSource,
): { context: CustomViewContext; lifetime: { dispose(): void } } {
  const themeChanged = new Emitter<'light' | 'dark'>();
  let theme = currentTheme();
  const observer = new MutationObserver(() => {
    const next = currentTheme();
    if (next === theme) return;
    theme = next;
    themeChanged.fire(next);
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const readOnly = () => session.readOnly || services.readOnly.get().readOnly;
  const reason = services.readOnly.get().reason;
  // Peers are the other windows whose tab shows the same entity (its page or its document).
  const peers = (): CustomViewMember[] =>
    target.entityId === undefined
      ? []
      : session.peers
          .get()
          .filter(
            (p) =>
              p.viewing === `entity:${target.entityId}` || p.viewing === `doc:${target.entityId}`,
          )
          .map((p) => ({ id: String(p.clientId), name: p.name, colour: p.colour }));
  const peersChanged = new Emitter<readonly CustomViewMember[]>();
  const peerWatch = session.peers.onDidChange(() => peersChanged.fire(peers()));

  const context: CustomViewContext = {
    ...(target.entityId === undefined ? {} : { entityId: target.entityId }),
    ...(target.embedded ? { embedded: true } : {}),
    member: { id: session.user.id, name: session.user.name, colour: colourFor(session.user.id) },
    readOnly: readOnly(),
    ...(readOnly() && reason ? { readOnlyReason: reason } : {}),
    get theme() {
      return theme;
    },
    onDidChangeTheme: themeChanged.event,
    openEntity(id) {
      services.editors.open(isDocument(session, id) ? `doc:${id}` : `entity:${id}`);
    },
    openView(viewId) {
      services.editors.open(`view:${viewId}`);
    },
    mountHomeSections(element) {
      if (!home) return toDisposable(() => undefined);
      return mountHomeSections(services, home, element as HTMLElement);
    },
    mountDocumentEditor(element, entityId) {
      return mountDocumentEditor(services, element as HTMLElement, entityId);
    },
    peers,
    onDidChangePeers: peersChanged.event,
  };
  return {
    context,
    lifetime: toDisposable(() => {
      observer.disconnect();
      themeChanged.dispose();
      peerWatch.dispose();
      peersChanged.dispose();
    }),
  };
}
