import { type Disposable, Emitter, type JsonValue, toDisposable } from '@repertoire/plugin-api';
import { DuplicateContributionError, pluginContributor } from './duplicates.ts';

/** A command handler as the host keeps it (sandboxed ones forward over messages). */
export type HostCommandHandler = (...args: JsonValue[]) => unknown;

/** Runtime command handlers, by id. One handler per id. */
export class CommandRegistry {
  readonly #handlers = new Map<string, { pluginId: string; handler: HostCommandHandler }>();
  readonly #onDidChange = new Emitter<void>();
  /** Fires when a handler is registered or removed. */
  readonly onDidChange = this.#onDidChange.event;

  /** Registers a handler; refuses an id that already has one. */
  register(id: string, pluginId: string, handler: HostCommandHandler): Disposable {
    const existing = this.#handlers.get(id);
    if (existing)
      throw new DuplicateContributionError(
        'command handler',
        id,
        pluginContributor(existing.pluginId),
        pluginContributor(pluginId),
      );
    const entry = { pluginId, handler };
    this.#handlers.set(id, entry);
    this.#onDidChange.fire();
    return toDisposable(() => {
      if (this.#handlers.get(id) === entry) {
        this.#handlers.delete(id);
        this.#onDidChange.fire();
      }
    });
  }

  /** Whether a handler is registered. */
  has(id: string): boolean {
    return this.#handlers.has(id);
  }

  /** Ids of every registered handler, with their plugin. */
  list(): { id: string; pluginId: string }[] {
    return [...this.#handlers].map(([id, { pluginId }]) => ({ id, pluginId }));
  }

  /** Runs a registered handler. */
  async execute(id: string, args: JsonValue[]): Promise<unknown> {
    const entry = this.#handlers.get(id);
    if (!entry) throw new Error(`Command ${id} is not registered.`);
    return entry.handler(...args);
  }

  /** How many handlers are registered (for leak checks). */
  get size(): number {
    return this.#handlers.size;
  }
}
