import { expect, it } from 'vitest';
import { formatChord } from '../services/keybindings.ts';
import { createWorkbenchServices } from '../services/workbenchServices.ts';
import { registerShellContributions } from '../shell/shellContributions.ts';
import { createWorkbenchUi } from './workbenchUi.ts';

const tabs = (services: ReturnType<typeof createWorkbenchServices>) =>
  services.editors.state.get().groups.flatMap((g) => g.tabs.map((t) => t.uri));

it('opens a greeting in front, unless the member already opened something: then beside it', async () => {
  const fresh = createWorkbenchServices();
  await createWorkbenchUi(fresh).openView?.('explorer.joined', { preserveFocus: true });
  expect(fresh.editors.activeUri()).toBe('view:explorer.joined');

  // A member quicker than the plugins clicked an entry first: the greeting never covers it, and
  // waits in the tab beside it.
  const quick = createWorkbenchServices();
  quick.editors.open('entity:late-work');
  await createWorkbenchUi(quick).openView?.('explorer.joined', { preserveFocus: true });
  expect(quick.editors.activeUri()).toBe('entity:late-work');
  expect(tabs(quick)).toEqual(['entity:late-work', 'view:explorer.joined']);

  // Without the option a view comes to the front, as before.
  await createWorkbenchUi(quick).openView?.('explorer.joined');
  expect(quick.editors.activeUri()).toBe('view:explorer.joined');
});

it("runs only the shell's navigation commands for plugins, undo only for writers, and names keys", async () => {
  const services = createWorkbenchServices();
  const shell = registerShellContributions(services);
  let undone = 0;
  services.commands.register({ id: 'edit.undo', title: 'Undo', run: () => undone++ });
  services.commands.register({ id: 'account.signOut', title: 'Sign out', run: () => undone++ });
  const ui = createWorkbenchUi(services);
  const reader = { pluginId: 'third.reader', permissions: ['graph.read'] as const };
  const writer = { pluginId: 'repertoire.entity-pages', permissions: ['graph.write'] as const };
  const panel = services.layout.state.get().panelVisible;
  await ui.executeCommand?.('workbench.togglePanel', [], reader);
  expect(services.layout.state.get().panelVisible).toBe(!panel);
  // Undo changes the graph: a plugin that may not write cannot run it; one that may, can.
  await expect(ui.executeCommand?.('edit.undo', [], reader)).rejects.toThrow(
    /third\.reader may not call commands\.executeCommand\('edit\.undo'\).*"graph\.write"/,
  );
  expect(undone).toBe(0);
  await ui.executeCommand?.('edit.undo', [], writer);
  expect(undone).toBe(1);
  // Signing out acts for the member alone: no plugin runs it.
  await expect(ui.executeCommand?.('account.signOut', [], writer)).rejects.toThrow(
    'Command account.signOut does not exist.',
  );
  expect(undone).toBe(1);
  expect(ui.keybindingFor?.('workbench.quickOpen')).toBe(formatChord('mod+p'));
  expect(ui.keybindingFor?.('edit.undo')).toBeUndefined();
  shell.dispose();
});
