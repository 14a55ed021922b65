import type { Disposable, MemberInfo, PluginContext } from '@repertoire/plugin-api';

/** The status item's text and tooltip for who is here now (this window's member included). */
export function presenceText(members: readonly MemberInfo[]): { text: string; tooltip: string } {
  const others = members.filter((m) => m.here && !m.you);
  return others.length === 0
    ? { text: 'Only you', tooltip: 'Nobody else has this workspace open.' }
    : {
        text: `${others.length + 1} here`,
        tooltip: `Here now: you, ${others.map((m) => m.name).join(', ')}`,
      };
}

/**
 * The presence status item ("Only you", "N here"): it follows who arrives and leaves, and a click
 * shows the Members view.
 */
export function presenceItem(context: PluginContext): Disposable {
  const { members, window, log } = context;
  const item = window.createStatusBarItem({
    id: 'presence',
    alignment: 'right',
    priority: 50,
    icon: 'users',
    ...presenceText([]),
    command: 'members.show',
  });
  // Answers may arrive out of order; only the latest request's answer is shown.
  let asked = 0;
  const refresh = () => {
    const ask = ++asked;
    members.list().then(
      (list) => {
        if (ask === asked) item.update(presenceText(list));
      },
      (error: Error) => log.warn(`Could not read who is here: ${error.message}`),
    );
  };
  refresh();
  const changes = members.onDidChange(refresh);
  return {
    dispose: () => {
      changes.dispose();
      item.dispose();
    },
  };
}
