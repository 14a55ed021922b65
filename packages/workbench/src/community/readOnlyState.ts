import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

const VIEWER_REASON = (name: string) =>
  `You are a viewer in ${name}: you can read everything but not change it. Ask an owner to make you an editor.`;

/** Keeps the workbench's read-only state (and its reason) in step with the member's role. */
export function registerReadOnlyState(
  services: WorkbenchServices,
  session: WorkspaceSession,
): Disposable {
  const render = () =>
    services.readOnly.set(
      session.readOnly
        ? { readOnly: true, reason: VIEWER_REASON(session.summary.name) }
        : { readOnly: false },
    );
  render();
  return combineDisposables(session.graph.readOnly.onDidChange(render), {
    dispose: () => services.readOnly.set({ readOnly: false }),
  });
}
