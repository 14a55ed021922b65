import type { Disposable } from './disposable.ts';
import { Registry } from './registry.ts';

/** A command the palette lists and keybindings, menus and status items run. */
export interface Command {
  /** Unique id, `<plugin>.<verb>` by convention, e.g. `explorer.newEntity`. */
  readonly id: string;
  /** What the palette shows, e.g. "New practice". */
  readonly title: string;
  /** Palette prefix grouping related commands, e.g. "Explorer". */
  readonly category?: string;
  /** An icon name (see `Icon`). */
  readonly icon?: string;
  /** When it returns false the command is hidden from the palette and does not run. */
  readonly enabled?: () => boolean;
  /** Runs the command; the returned value (or promise) goes back to `execute`'s caller. */
  readonly run: (...args: unknown[]) => unknown;
}

/** The command registry with execution; failures surface through `onDidFail`. */
export class CommandService extends Registry<Command> {
  constructor() {
    super('command');
  }

  #onFail: ((id: string, error: unknown) => void) | undefined;

  /** Runs a registered command by id; rejects with a clear error for an unknown id. */
  async execute(id: string, ...args: unknown[]): Promise<unknown> {
    const command = this.get(id);
    if (!command) throw new Error(`no command "${id}" is registered`);
    if (command.enabled && !command.enabled()) return undefined;
    try {
      return await command.run(...args);
    } catch (error) {
      this.#onFail?.(id, error);
      throw error;
    }
  }

  /** Where command failures are reported (the shell shows them as notifications). */
  onDidFail(listener: (id: string, error: unknown) => void): Disposable {
    this.#onFail = listener;
    return {
      dispose: () => {
        if (this.#onFail === listener) this.#onFail = undefined;
      },
    };
  }
}
