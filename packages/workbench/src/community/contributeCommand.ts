import type { Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** A shell command as the community contributions declare it. */
export interface CommandSpec {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly run: () => unknown;
  readonly icon?: string;
  /** A default key chord (see `Keybinding.key`). */
  readonly key?: string;
  readonly enabled?: () => boolean;
}

/** Registers commands (and their default keys); disposing each removes both. */
export function contributeCommands(
  services: WorkbenchServices,
  specs: readonly CommandSpec[],
): Disposable[] {
  return specs.flatMap((spec) => {
    const { key, icon, enabled, ...command } = spec;
    const registered = services.commands.register({
      ...command,
      ...(icon ? { icon } : {}),
      ...(enabled ? { enabled } : {}),
    });
    return key
      ? [registered, services.keybindings.register({ id: spec.id, key, command: spec.id })]
      : [registered];
  });
}
