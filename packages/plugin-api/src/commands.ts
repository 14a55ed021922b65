import type { Disposable } from '@repertoire/base';
import type { JsonValue } from './json.ts';

/** A command as the palette lists it. */
export interface CommandInfo {
  /** Dotted id, e.g. `community.addMember`. */
  readonly id: string;
  /** Title shown in the palette. */
  readonly title: string;
  /** Group shown before the title, e.g. `Community`. */
  readonly category?: string;
  /** The plugin that contributed it. */
  readonly pluginId: string;
}

/** A command a plugin offers on an entity, for a context menu (since 1.5). */
export interface EntityAction {
  /** The command to run, with the entity's id as its first argument. */
  readonly command: string;
  /** Its title, as the palette shows it. */
  readonly title: string;
  /** The plugin that offers it. */
  readonly pluginId: string;
}

/** The handler of a command. Arguments and result must be serializable. */
export type CommandHandler = (...args: JsonValue[]) => unknown;

/** Commands: the palette, menus, keybindings and other plugins run them by id. */
export interface CommandsApi {
  /**
   * Implements a command the manifest declares in `contributes.commands` (or a private one).
   * Dispose to unregister. Registering an id twice is refused.
   */
  registerCommand(id: string, handler: CommandHandler): Disposable;
  /**
   * Runs a command by id, activating the plugin that contributes it if needed, and resolves with
   * its (serializable) result. Since 1.5 it also runs the workbench's own commands that move
   * around it, as VS Code's does (`workbench.quickOpen`, `workbench.showCommands`,
   * `workbench.toggleSidebar`, `workbench.togglePanel`), and, with `graph.write`, the member's
   * `edit.undo` and `edit.redo`. Any other id nobody provides rejects, so a plugin never signs the
   * member out or switches plugins.
   */
  executeCommand<T = unknown>(id: string, ...args: JsonValue[]): Promise<T>;
  /** Every command the palette can show (declared or registered). */
  getCommands(): Promise<CommandInfo[]>;
  /**
   * The key chord that runs a command now, as the member reads it (`Ctrl+Shift+P`, `⌘P` on a
   * Mac), or undefined when no key runs it or the host has no keyboard (since 1.5). The member
   * can change keys, so read it when showing it.
   */
  getKeybinding(id: string): Promise<string | undefined>;
  /**
   * What the enabled plugins offer on entity `entityId` (since 1.5): the items of their
   * `entity/context` menus whose `when` holds for it (`entityKind == <kind>`, or none), for a
   * context menu on an entity in a list or the graph. Run one with
   * `executeCommand(action.command, entityId)`. Empty for an unknown entity. Needs `graph.read`.
   */
  getEntityActions(entityId: string): Promise<EntityAction[]>;
}
