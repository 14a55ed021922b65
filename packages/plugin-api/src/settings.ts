import type { Event } from '@repertoire/base';
import type { JsonValue } from './json.ts';

/**
 * Workspace settings shared by all members. A plugin reads and writes the keys its manifest
 * declares in `contributes.settings`; unset keys read as their declared default.
 */
export interface SettingsApi {
  /** The value of a setting (its default when unset). */
  get<T extends JsonValue = JsonValue>(key: string): Promise<T | undefined>;
  /** Sets a setting for the whole workspace; rejects when the value has the wrong type. */
  update(key: string, value: JsonValue): Promise<void>;
  /** Fires when one of this plugin's settings changes (here or by another member). */
  readonly onDidChange: Event<{ key: string; value: JsonValue | undefined }>;
}

/** Storage private to the plugin (on this device), e.g. for caches and last-used choices. */
export interface StorageApi {
  /** The stored value, or undefined. */
  get<T extends JsonValue = JsonValue>(key: string): Promise<T | undefined>;
  /** Stores a value under a key. */
  set(key: string, value: JsonValue): Promise<void>;
  /** Removes a key. */
  delete(key: string): Promise<void>;
  /** Every stored key. */
  keys(): Promise<string[]>;
}
