import { type Disposable, toDisposable } from './disposable.ts';
import { Registry } from './registry.ts';

/** A setting a plugin declares; the settings editor is generated from these. */
export interface SettingContribution {
  /** The setting key, e.g. `workbench.colorTheme`. */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly type: 'string' | 'number' | 'boolean' | 'enum';
  readonly default: string | number | boolean;
  /** Allowed values for `enum`, with optional labels. */
  readonly options?: readonly { value: string; label?: string }[];
  /** Groups settings in the editor, e.g. the plugin's display name. */
  readonly section?: string;
}

/** Something that persists setting values, e.g. localStorage or the workspace's settings map. */
export interface SettingsStorage {
  read(): Record<string, unknown>;
  write(values: Record<string, unknown>): void;
}

/** In-memory storage, for tests and for browsers without localStorage. */
export function memoryStorage(initial: Record<string, unknown> = {}): SettingsStorage {
  let values = { ...initial };
  return {
    read: () => values,
    write: (next) => {
      values = { ...next };
    },
  };
}

/** Storage in `localStorage` under one key. */
export function localSettingsStorage(key = 'repertoire.settings'): SettingsStorage {
  return {
    read() {
      try {
        return JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      } catch {
        return {};
      }
    },
    write(values) {
      localStorage.setItem(key, JSON.stringify(values));
    },
  };
}

/** Declared settings and their values; bad values are refused with an error naming the setting. */
export class SettingsService extends Registry<SettingContribution> {
  readonly #storage: SettingsStorage;
  #values: Record<string, unknown>;
  readonly #valueListeners = new Set<(key: string) => void>();

  constructor(storage: SettingsStorage = memoryStorage()) {
    super('setting');
    this.#storage = storage;
    this.#values = storage.read();
  }

  /** The value of a setting: the member's, else the declared default, else `fallback`. */
  value<T extends string | number | boolean | object>(key: string, fallback?: T): T {
    if (key in this.#values) return this.#values[key] as T;
    const declared = this.get(key);
    return (declared?.default as T | undefined) ?? (fallback as T);
  }

  /** Stores a value after checking it against the declaration. */
  update(key: string, value: unknown): void {
    const declared = this.get(key);
    if (declared) {
      const type = declared.type === 'enum' ? 'string' : declared.type;
      if (typeof value !== type)
        throw new Error(`setting "${key}" must be a ${type}, not ${typeof value}`);
      if (declared.type === 'enum' && !declared.options?.some((o) => o.value === value))
        throw new Error(
          `setting "${key}" must be one of ${declared.options?.map((o) => o.value).join(', ')}`,
        );
    }
    this.#values = { ...this.#values, [key]: value };
    this.#storage.write(this.#values);
    for (const l of [...this.#valueListeners]) l(key);
  }

  /** Forgets the member's value so the default applies again. */
  reset(key: string): void {
    const { [key]: _, ...rest } = this.#values;
    this.#values = rest;
    this.#storage.write(this.#values);
    for (const l of [...this.#valueListeners]) l(key);
  }

  /** Whether the member changed this setting. */
  isModified(key: string): boolean {
    return key in this.#values;
  }

  /** Calls `listener(key)` after a value changes. */
  onDidChangeValue(listener: (key: string) => void): Disposable {
    this.#valueListeners.add(listener);
    return toDisposable(() => this.#valueListeners.delete(listener));
  }
}
