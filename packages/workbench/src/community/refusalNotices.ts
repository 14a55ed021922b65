import type { Entity } from '@repertoire/schema';
import type { SyncRefusal } from '@repertoire/sync';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import type { Disposable } from '../services/disposable.ts';
import type { Notification } from '../services/notifications.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** What a refused document is, in the member's words. */
function describeDocument(session: WorkspaceSession, documentName: string): string {
  const prefix = `${session.summary.id}/doc/`;
  if (!documentName.startsWith(prefix)) return 'the community';
  const entity = session.workspace.getEntity(documentName.slice(prefix.length) as Entity['id']);
  return entity ? `“${entity.title}”` : 'a document';
}

/** The server's reason with entity ids replaced by the titles this member knows them by. */
function readableReason(session: WorkspaceSession, reason: string): string {
  return reason.replace(/entity "([^"]+)"/g, (whole, id: string) => {
    const entity = session.workspace.getEntity(id as Entity['id']);
    return entity ? `“${entity.title}”` : whole;
  });
}

/** The notice for one refusal: what was refused, why, and what became of it on this device. */
export function refusalNotice(
  session: WorkspaceSession,
  refusal: SyncRefusal,
): Omit<Notification, 'id' | 'visible'> {
  const where = describeDocument(session, refusal.documentName);
  if (refusal.stopped)
    return {
      severity: 'error',
      message: `This device's copy of ${where} holds a change the server does not accept${
        refusal.reason ? `: ${readableReason(session, refusal.reason)}` : ''
      }.`,
      detail:
        'It was kept from an earlier session, so it never reached anyone else. This device has stopped syncing it and forgotten that copy: reload to get everyone’s copy.',
      actions: [{ label: 'Reload', run: () => globalThis.location?.reload() }],
    };
  const undone =
    refusal.rolledBack > 0
      ? 'It has been undone on this device, so what you see is what everyone sees.'
      : 'This device holds it from an earlier session; it will not reach anyone else.';
  if (refusal.cause === 'read-only')
    return {
      severity: 'warning',
      message: `Your change to ${where} was not saved: you are a viewer in ${session.summary.name}.`,
      detail: `Viewers can read everything but not change it. ${undone} Ask an owner to make you an editor.`,
    };
  if (refusal.cause === 'quota')
    return {
      severity: 'error',
      message: `Your change to ${where} was not saved: ${session.summary.name} has used all its storage.`,
      detail: `${undone} An owner can make room by exporting and removing old material.`,
    };
  return {
    severity: 'error',
    message: `The server did not accept your change to ${where}: ${
      refusal.reason
        ? readableReason(session, refusal.reason)
        : 'it breaks a rule of the community graph'
    }.`,
    detail: `Nothing of it was saved. ${undone}`,
  };
}

/**
 * Tells the member when the server refused their changes (a viewer's edit, an invalid or
 * forbidden graph update, a full quota), which the sync client has already taken back. One
 * notice per message while it shows, so a burst of refused keystrokes says it once.
 */
export function registerRefusalNotices(
  services: WorkbenchServices,
  session: WorkspaceSession,
): Disposable {
  return session.sync.onDidRefuse((refusal) => {
    const notice = refusalNotice(session, refusal);
    const showing = services.notifications.items
      .get()
      .some((n) => n.visible && n.message === notice.message);
    if (!showing) services.notifications.notify(notice);
  });
}
