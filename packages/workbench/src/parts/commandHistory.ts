import { naturalCompare } from '@repertoire/plugin-api';
import type { Command } from '../services/commands.ts';

/** How often and how lately the member ran each command from the palette. */
interface Use {
  readonly count: number;
  readonly last: number;
}

const KEY = 'repertoire.commandHistory';
/** How many recently run commands lead the palette. */
export const RECENT_COMMANDS = 5;

/**
 * Commands that leave the workspace or the session: never first in the palette (where Enter
 * would run them by accident), never among the recent ones.
 */
export const LEAVING_COMMANDS: ReadonlySet<string> = new Set([
  'account.signOut',
  'workspace.switch',
  'workspace.create',
]);

/**
 * The palette's memory of what the member runs, kept on this device (localStorage), so the
 * palette opens with their recent and most-used commands first.
 */
export class CommandHistory {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  #uses: Record<string, Use>;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage) {
    this.#storage = storage;
    this.#uses = read(storage);
  }

  /** Notes that the member ran `commandId` now. */
  record(commandId: string, now = Date.now()): void {
    const before = this.#uses[commandId];
    this.#uses = { ...this.#uses, [commandId]: { count: (before?.count ?? 0) + 1, last: now } };
    try {
      this.#storage?.setItem(KEY, JSON.stringify(this.#uses));
    } catch {
      // A full or blocked storage only costs the ordering; the command has run.
    }
  }

  /**
   * Splits commands into the recently run (newest first) and the rest: most used first, then by
   * category and title in natural order, with the leaving commands last.
   */
  order(commands: readonly Command[]): { recent: Command[]; rest: Command[] } {
    const use = (c: Command) => this.#uses[c.id];
    const recent = commands
      .filter((c) => use(c) && !LEAVING_COMMANDS.has(c.id))
      .sort((a, b) => (use(b)?.last ?? 0) - (use(a)?.last ?? 0))
      .slice(0, RECENT_COMMANDS);
    const inRecent = new Set(recent.map((c) => c.id));
    const rest = commands
      .filter((c) => !inRecent.has(c.id))
      .sort(
        (a, b) =>
          Number(LEAVING_COMMANDS.has(a.id)) - Number(LEAVING_COMMANDS.has(b.id)) ||
          (use(b)?.count ?? 0) - (use(a)?.count ?? 0) ||
          naturalCompare(a.category ?? '', b.category ?? '') ||
          naturalCompare(a.title, b.title),
      );
    return { recent, rest };
  }
}

function read(storage: Pick<Storage, 'getItem'> | undefined): Record<string, Use> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const uses: Record<string, Use> = {};
    for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
      const v = value as Partial<Use> | null;
      if (v && typeof v.count === 'number' && typeof v.last === 'number')
        uses[id] = { count: v.count, last: v.last };
    }
    return uses;
  } catch {
    return {};
  }
}
