import { describe, expect, it } from 'vitest';
import { KeybindingService, normalizeChord } from './keybindings.ts';

describe('keybindings', () => {
  it('treats modifier order and case as the same chord', () => {
    expect(normalizeChord('Shift+Mod+P')).toBe(normalizeChord('mod+shift+p'));
  });

  it('a member override rebinds a command and the old chord stops working', () => {
    const k = new KeybindingService();
    k.register({ id: 'palette', key: 'mod+shift+p', command: 'workbench.showCommands' });
    k.setOverrides({ palette: 'mod+k' });
    expect(k.resolve('mod+shift+p')).toBeUndefined();
    expect(k.resolve('mod+k')?.command).toBe('workbench.showCommands');
    expect(k.keyForCommand('workbench.showCommands')).toBe('mod+k');
  });

  it('an empty override unbinds', () => {
    const k = new KeybindingService();
    k.register({ id: 'x', key: 'mod+b', command: 'x' });
    k.setOverrides({ x: '' });
    expect(k.resolve('mod+b')).toBeUndefined();
  });
});
