import { type Disposable, toDisposable } from './disposable.ts';
import { Registry } from './registry.ts';

/** A default key chord for a command, e.g. `{ key: 'mod+shift+p', command: 'workbench.showCommands' }`. */
export interface Keybinding {
  /** Unique id; by convention the command id. */
  readonly id: string;
  /** `mod` is Cmd on macOS and Ctrl elsewhere; parts joined by `+`, e.g. `mod+shift+p`, `f2`. */
  readonly key: string;
  /** The command to run. */
  readonly command: string;
  /** Arguments passed to the command. */
  readonly args?: readonly unknown[];
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Normalizes a chord so `Shift+Mod+P` and `mod+shift+p` compare equal. */
export function normalizeChord(chord: string): string {
  const parts = chord
    .toLowerCase()
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  const key = parts.filter((p) => !['mod', 'ctrl', 'cmd', 'meta', 'alt', 'shift'].includes(p));
  const mods = ['mod', 'ctrl', 'alt', 'shift'].filter((m) =>
    parts.some((p) => p === m || (m === 'mod' && (p === 'cmd' || p === 'meta'))),
  );
  return [...mods, ...key].join('+');
}

/** The chord a keyboard event stands for, in normalized form. */
export function chordOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>,
): string {
  const parts: string[] = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('mod');
  if (isMac && event.ctrlKey) parts.push('ctrl');
  if (event.altKey) parts.push('alt');
  if (event.shiftKey) parts.push('shift');
  let key = event.key.toLowerCase();
  // With Alt or Shift held, `key` may be a different character; the physical key is steadier.
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3).toLowerCase();
  else if (/^Digit[0-9]$/.test(event.code)) key = event.code.slice(5);
  if (key === ' ') key = 'space';
  if (!['control', 'meta', 'alt', 'shift'].includes(key)) parts.push(key);
  return parts.join('+');
}

/** How a chord reads for people on this platform, e.g. `⌘⇧P` or `Ctrl+Shift+P`. */
export function formatChord(chord: string): string {
  const names: Record<string, string> = isMac
    ? { mod: '⌘', ctrl: '⌃', alt: '⌥', shift: '⇧' }
    : { mod: 'Ctrl', ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift' };
  const parts = normalizeChord(chord)
    .split('+')
    .map((p) => names[p] ?? (p.length === 1 ? p.toUpperCase() : p[0]!.toUpperCase() + p.slice(1)));
  return parts.join(isMac ? '' : '+');
}

/**
 * Default keybindings contributed by plugins, plus the member's own overrides (kept by the
 * caller, e.g. in settings). An override maps a keybinding id to a new chord, or '' to unbind.
 */
export class KeybindingService extends Registry<Keybinding> {
  constructor() {
    super('keybinding');
  }

  #overrides: Record<string, string> = {};
  readonly #overrideListeners = new Set<() => void>();

  /** Replaces the member's overrides (id → chord). */
  setOverrides(overrides: Record<string, string>): void {
    this.#overrides = { ...overrides };
    for (const l of [...this.#overrideListeners]) l();
  }

  /** The member's overrides. */
  overrides(): Readonly<Record<string, string>> {
    return this.#overrides;
  }

  /** Calls `listener` when overrides change. */
  onDidChangeOverrides(listener: () => void): Disposable {
    this.#overrideListeners.add(listener);
    return toDisposable(() => this.#overrideListeners.delete(listener));
  }

  /** The chord in effect for a keybinding ('' when unbound). */
  effectiveKey(binding: Keybinding): string {
    const key = this.#overrides[binding.id] ?? binding.key;
    return key ? normalizeChord(key) : '';
  }

  /** The effective chord bound to a command, if any (for showing beside it in the palette). */
  keyForCommand(commandId: string): string | undefined {
    for (const b of this.all())
      if (b.command === commandId && this.effectiveKey(b)) return this.effectiveKey(b);
    return undefined;
  }

  /** The binding a chord triggers, if any. */
  resolve(chord: string): Keybinding | undefined {
    const wanted = normalizeChord(chord);
    return this.all().find((b) => this.effectiveKey(b) === wanted);
  }
}
