import type { MembersApi, WindowApi } from '@repertoire/plugin-api';
import { ROLE_HELP } from './roles.ts';

/** Copies text, quietly doing nothing where the browser does not allow it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Invite people…": asks for a role, makes the link (the server refuses unless this member is an
 * owner), copies it and shows it. Resolves with the link, or undefined when nothing was made.
 */
export async function inviteFlow(
  members: MembersApi,
  window: WindowApi,
): Promise<string | undefined> {
  const me = (await members.list()).find((m) => m.you);
  if (me?.role !== 'owner') {
    await window.showNotification(
      'Only an owner can invite people. Ask an owner of this workspace.',
      { severity: 'warning' },
    );
    return undefined;
  }
  const role = await window.showQuickPick(
    [
      { label: 'Editor', description: ROLE_HELP.editor, value: 'editor' as const },
      { label: 'Viewer', description: ROLE_HELP.viewer, value: 'viewer' as const },
    ],
    { title: 'Invite to this workspace as…' },
  );
  if (!role) return undefined;
  try {
    const link = await members.invite({ role: role.value, maxUses: 20 });
    await copyText(link.url);
    await window.showInputBox({
      title: `Invitation link (${role.label.toLowerCase()}, copied) — send it to the people you invite`,
      value: link.url,
    });
    return link.url;
  } catch (error) {
    await window.showNotification(`Could not create the invitation: ${(error as Error).message}`, {
      severity: 'error',
    });
    return undefined;
  }
}
