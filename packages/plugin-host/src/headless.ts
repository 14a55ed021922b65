import {
  type DocumentInfo,
  Emitter,
  type InputBoxOptions,
  type JsonValue,
  type NotificationOptions,
  type OpenDialogOptions,
  type OpenedFile,
  type QuickPickItem,
  type QuickPickOptions,
} from '@repertoire/plugin-api';
import type { SettingsBackend, SettingsChange, StorageBackend, WorkbenchUi } from './services.ts';

/** A notification a headless UI received. */
export interface RecordedNotification {
  /** Which plugin (or `host`) sent it. */
  source: string;
  /** The text. */
  message: string;
  /** Its severity. */
  severity: 'info' | 'warning' | 'error';
}

/**
 * A UI without a screen, for the server, tests and scripts: it records notifications and answers
 * quick picks and input boxes from queues the caller fills (or cancels when they are empty).
 */
export class HeadlessUi implements WorkbenchUi {
  /** Every notification shown, in order. */
  readonly notifications: RecordedNotification[] = [];
  /** Answers for the next quick picks: an item label, or undefined to cancel. */
  readonly quickPickAnswers: (string | undefined)[] = [];
  /** Answers for the next input boxes. */
  readonly inputAnswers: (string | undefined)[] = [];
  /** Answers for the next notifications that offer actions: an action's label, or undefined. */
  readonly notificationAnswers: (string | undefined)[] = [];
  /** Answers for the next open dialogs: the files "picked", or undefined to cancel. */
  readonly openAnswers: (OpenedFile[] | undefined)[] = [];
  /** Every file a plugin saved, in order. */
  readonly saved: { name: string; data: string | Uint8Array; mimeType: string }[] = [];
  /** Entities and documents opened, in order. */
  readonly opened: string[] = [];
  /** No progress bars by default (tasks run without one); a test may give it a screen's. */
  showProgress?: WorkbenchUi['showProgress'];
  /** No views to show by default; a test may record them. */
  openView?: WorkbenchUi['openView'];
  /** Entities whose tabs a plugin closed, in order. */
  readonly closed: string[] = [];
  #active: string | undefined;
  readonly #onDidChangeActiveEntity = new Emitter<string | undefined>();
  /** Fires when {@link HeadlessUi.showTab} changes the active entity. */
  readonly onDidChangeActiveEntity = this.#onDidChangeActiveEntity.event;
  readonly #onDidOpenDocument = new Emitter<DocumentInfo>();
  readonly #onDidChangeSelection = new Emitter<{ entityIds: string[] }>();
  /** Fires when a document is opened. */
  readonly onDidOpenDocument = this.#onDidOpenDocument.event;
  /** Fires when {@link HeadlessUi.select} is called. */
  readonly onDidChangeSelection = this.#onDidChangeSelection.event;

  /** Records the notification. */
  async showNotification(source: string, message: string, options: NotificationOptions) {
    this.notifications.push({ source, message, severity: options.severity ?? 'info' });
    // Only a notification that offers actions takes an answer, as a real one is clicked.
    return options.actions?.length ? this.notificationAnswers.shift() : undefined;
  }

  /** Answers with the next of {@link HeadlessUi.openAnswers}. */
  async showOpenDialog(_options: OpenDialogOptions) {
    return this.openAnswers.shift();
  }

  /** Records the file in {@link HeadlessUi.saved}. */
  async saveFile(name: string, data: string | Uint8Array, mimeType: string) {
    this.saved.push({ name, data, mimeType });
  }

  /** Answers with the item whose label is next in {@link HeadlessUi.quickPickAnswers}. */
  async showQuickPick<T extends QuickPickItem>(items: T[], _options: QuickPickOptions) {
    const label = this.quickPickAnswers.shift();
    return items.find((item) => item.label === label);
  }

  /** Answers with the next of {@link HeadlessUi.inputAnswers}. */
  async showInputBox(_options: InputBoxOptions) {
    return this.inputAnswers.shift();
  }

  /** Records the entity opened. */
  async openEntity(id: string) {
    this.opened.push(id);
  }

  /** Records the document opened and fires `onDidOpenDocument`. */
  async openDocument(id: string) {
    this.opened.push(id);
    this.#onDidOpenDocument.fire({ id, title: id });
  }

  /** The entity of the simulated active tab. */
  activeEntity(): string | undefined {
    return this.#active;
  }

  /** Records the entity whose tabs were closed (closing the active one leaves no active tab). */
  async closeEntity(id: string) {
    this.closed.push(id);
    if (this.#active === id) this.showTab(undefined);
  }

  /** Simulates the member bringing an entity's tab (or, with undefined, no entity) to the front. */
  showTab(entityId: string | undefined): void {
    if (entityId === this.#active) return;
    this.#active = entityId;
    this.#onDidChangeActiveEntity.fire(entityId);
  }

  /** Simulates the user selecting entities. */
  select(entityIds: string[]): void {
    this.#onDidChangeSelection.fire({ entityIds });
  }
}

/** Workspace settings in memory (the core keeps the real ones in the graph document). */
export class MemorySettings implements SettingsBackend {
  readonly #enabled = new Map<string, boolean>();
  readonly #values = new Map<string, Map<string, JsonValue>>();
  readonly #onDidChange = new Emitter<SettingsChange>();
  /** Fires when a setting changes. */
  readonly onDidChange = this.#onDidChange.event;

  /** Whether a plugin was explicitly enabled or disabled. */
  isPluginEnabled(pluginId: string): boolean | undefined {
    return this.#enabled.get(pluginId);
  }

  /** Enables or disables a plugin. */
  setPluginEnabled(pluginId: string, enabled: boolean): void {
    this.#enabled.set(pluginId, enabled);
    this.#onDidChange.fire({ enabled: pluginId });
  }

  /** Reads a plugin's setting. */
  getPluginSetting(pluginId: string, key: string): JsonValue | undefined {
    return this.#values.get(pluginId)?.get(key);
  }

  /** Writes a plugin's setting. */
  setPluginSetting(pluginId: string, key: string, value: JsonValue | undefined): void {
    let map = this.#values.get(pluginId);
    if (!map) {
      map = new Map();
      this.#values.set(pluginId, map);
    }
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    this.#onDidChange.fire({ pluginId });
  }
}

/** Plugin storage in memory. */
export class MemoryStorage implements StorageBackend {
  readonly #values = new Map<string, Map<string, JsonValue>>();
  #of(pluginId: string): Map<string, JsonValue> {
    let map = this.#values.get(pluginId);
    if (!map) {
      map = new Map();
      this.#values.set(pluginId, map);
    }
    return map;
  }
  /** Reads a plugin's key. */
  get(pluginId: string, key: string) {
    return this.#of(pluginId).get(key);
  }
  /** Writes a plugin's key. */
  set(pluginId: string, key: string, value: JsonValue) {
    this.#of(pluginId).set(key, value);
  }
  /** Deletes a plugin's key. */
  delete(pluginId: string, key: string) {
    this.#of(pluginId).delete(key);
  }
  /** Lists a plugin's keys. */
  keys(pluginId: string) {
    return [...this.#of(pluginId).keys()];
  }
}
