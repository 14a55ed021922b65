import { describe, expect, it } from 'vitest';
import { CommandService } from './commands.ts';
import { Registry } from './registry.ts';
import { SettingsService } from './settings.ts';

describe('Registry', () => {
  it('disposing a registration removes the item and notifies', () => {
    const r = new Registry<{ id: string }>();
    let changes = 0;
    r.onDidChange(() => changes++);
    const d = r.register({ id: 'a' });
    const before = r.all();
    d.dispose();
    expect(r.all()).toEqual([]);
    expect(before).toEqual([{ id: 'a' }]);
    expect(changes).toBe(2);
  });

  it('refuses a second contributor of a held id, naming both, and keeps the first', () => {
    const r = new Registry<{ id: string; v: number }>('view');
    r.register({ id: 'community.members', v: 1 });
    expect(() =>
      r.register({ id: 'community.members', v: 2 }, 'plugin repertoire.community'),
    ).toThrow(
      'Plugin repertoire.community cannot contribute view "community.members": the workbench already contributes it.',
    );
    expect(r.get('community.members')?.v).toBe(1);
    expect(r.all()).toHaveLength(1);
  });

  it('the holder may replace its own item; disposing the replaced one keeps the replacement', () => {
    const r = new Registry<{ id: string; v: number }>();
    const first = r.register({ id: 'a', v: 1 });
    r.register({ id: 'a', v: 2 });
    first.dispose();
    expect(r.get('a')?.v).toBe(2);
  });

  it('an id is free again once its holder disposes it', () => {
    const r = new Registry<{ id: string; v: number }>('command');
    const first = r.register({ id: 'a', v: 1 }, 'plugin x.one');
    first.dispose();
    r.register({ id: 'a', v: 2 }, 'plugin y.two');
    expect(r.contributorOf('a')).toBe('plugin y.two');
    first.dispose();
    expect(r.get('a')?.v).toBe(2);
  });
});

describe('CommandService', () => {
  it('refuses an unknown command with its id in the message', async () => {
    await expect(new CommandService().execute('nope')).rejects.toThrow('"nope"');
  });

  it('returns what the command returns', async () => {
    const c = new CommandService();
    c.register({ id: 'add', title: 'Add', run: (a, b) => (a as number) + (b as number) });
    expect(await c.execute('add', 2, 3)).toBe(5);
  });
});

describe('SettingsService', () => {
  it('refuses a value of the wrong type, naming the setting, and keeps the old value', () => {
    const s = new SettingsService();
    s.register({
      id: 'theme',
      title: 'Theme',
      type: 'enum',
      default: 'light',
      options: [{ value: 'light' }, { value: 'dark' }],
    });
    expect(() => s.update('theme', 'purple')).toThrow('"theme"');
    expect(s.value('theme')).toBe('light');
    s.update('theme', 'dark');
    expect(s.value('theme')).toBe('dark');
  });
});
