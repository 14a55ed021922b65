import { describe, expect, it } from 'vitest';
import type { Command } from '../services/commands.ts';
import { CommandHistory } from './commandHistory.ts';

const command = (id: string, category: string, title: string): Command => ({
  id,
  category,
  title,
  run: () => undefined,
});
const COMMANDS = [
  command('account.signOut', 'Account', 'Sign out'),
  command('meetings.schedule', 'Meetings', 'Schedule a meeting'),
  command('explorer.newEntity', 'Community', 'New…'),
  command('workbench.quickOpen', 'View', 'Go to…'),
];

/** A Storage stand-in with the two calls the history makes, backed by a real Map. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('the palette command history', () => {
  it('never puts Sign out first, even when it sorts first by name', () => {
    const { recent, rest } = new CommandHistory(memoryStorage()).order(COMMANDS);
    expect(recent).toEqual([]);
    expect(rest[0]?.id).not.toBe('account.signOut');
    expect(rest.at(-1)?.id).toBe('account.signOut');
  });

  it('leads with recently run commands, newest first, then the most used', () => {
    const storage = memoryStorage();
    const history = new CommandHistory(storage);
    history.record('workbench.quickOpen', 1);
    history.record('workbench.quickOpen', 2);
    history.record('meetings.schedule', 3);
    history.record('account.signOut', 4);
    // A new history over the same storage: the order survives a reload.
    const { recent, rest } = new CommandHistory(storage).order(COMMANDS);
    expect(recent.map((c) => c.id)).toEqual(['meetings.schedule', 'workbench.quickOpen']);
    expect(rest.map((c) => c.id)).toEqual(['explorer.newEntity', 'account.signOut']);
  });

  it('ignores a corrupted history instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('repertoire.commandHistory', '{not json');
    expect(new CommandHistory(storage).order(COMMANDS).rest).toHaveLength(4);
  });
});
