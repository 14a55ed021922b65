import type { Disposable, Event } from '@repertoire/base';

/** How serious a notification is. */
export type NotificationSeverity = 'info' | 'warning' | 'error';

/** Options of a notification. */
export interface NotificationOptions {
  /** Defaults to `info`. */
  severity?: NotificationSeverity;
  /** Buttons; the promise resolves with the one clicked. */
  actions?: string[];
}

/** A choice in a quick pick. */
export interface QuickPickItem {
  /** The text shown and matched. */
  label: string;
  /** Dimmer text after the label. */
  description?: string;
  /** A value the plugin gets back (serializable). */
  value?: string;
}

/** Options of a quick pick. */
export interface QuickPickOptions {
  /** Title above the list. */
  title?: string;
  /** Placeholder in the filter box. */
  placeholder?: string;
}

/** Options of an input box. */
export interface InputBoxOptions {
  /** Title above the box. */
  title?: string;
  /** Text shown while empty. */
  placeholder?: string;
  /** Initial value. */
  value?: string;
}

/** Options to create a status bar item. */
export interface StatusBarItemOptions {
  /** Unique within the plugin. */
  id: string;
  /** The text shown. */
  text: string;
  /** Hover text. */
  tooltip?: string;
  /** A command to run on click. */
  command?: string;
  /** Which side of the status bar. Defaults to `left`. */
  alignment?: 'left' | 'right';
  /** Higher is further left. */
  priority?: number;
  /** A Lucide icon name shown before the text (since 1.4). */
  icon?: string;
}

/** A status bar item; change it with `update`, remove it with `dispose`. */
export interface StatusBarItem extends Disposable {
  /** The item's id. */
  readonly id: string;
  /** Changes what the item shows. */
  update(patch: Partial<Omit<StatusBarItemOptions, 'id'>>): void;
}

/** What a long task shows while it runs (see {@link WindowApi.withProgress}). */
export interface ProgressOptions {
  /** What is happening, e.g. "Importing committee.zip". */
  title: string;
  /** Offer a Cancel button; the task learns of it through its {@link CancellationToken}. */
  cancellable?: boolean;
}

/** How a task reports how far it is. */
export interface Progress {
  /**
   * Moves the bar: `increment` is a share of the whole in percent (the increments add up to at
   * most 100), `message` says what the task does now. Either may be left out.
   */
  report(value: { message?: string; increment?: number }): void;
}

/** Tells a task the member asked to stop it. */
export interface CancellationToken {
  /** True once the member chose Cancel. */
  readonly isCancellationRequested: boolean;
  /** Fires once, when the member chooses Cancel. */
  readonly onCancellationRequested: Event<void>;
}

/** How {@link WindowApi.showView} shows a view (since 1.5). */
export interface ShowViewOptions {
  /**
   * Keep the tab in front, if one is, in front: an editor view then opens in a tab beside it. For
   * a page the member did not ask for (a greeting), so it never covers what they opened.
   */
  preserveFocus?: boolean;
}

/** The workbench: notifications, quick picks, input, the status bar, opening entities. */
export interface WindowApi {
  /** Shows a notification; resolves with the action clicked, or undefined when dismissed. */
  showNotification(message: string, options?: NotificationOptions): Promise<string | undefined>;
  /** Lets the user pick one item; resolves with it, or undefined when cancelled. */
  showQuickPick<T extends QuickPickItem>(
    items: T[],
    options?: QuickPickOptions,
  ): Promise<T | undefined>;
  /** Asks the user for text; resolves with it, or undefined when cancelled. */
  showInputBox(options?: InputBoxOptions): Promise<string | undefined>;
  /** Adds an item to the status bar. */
  createStatusBarItem(options: StatusBarItemOptions): StatusBarItem;
  /** Opens an entity's page in the editor area. */
  openEntity(id: string): Promise<void>;
  /**
   * Runs a long task with a progress bar (and, with `cancellable`, a Cancel button) shown until it
   * settles; resolves or rejects as the task does. The task should check its token between steps
   * and stop without changing anything when the member cancels (VS Code's `withProgress`). In the
   * sandbox the token learns of a cancel at the task's next `report`.
   */
  withProgress<T>(
    options: ProgressOptions,
    task: (progress: Progress, token: CancellationToken) => Promise<T>,
  ): Promise<T>;
  /**
   * Shows a view this plugin declares in `contributes.views` (an editor view opens in a tab).
   * Rejects for a view the plugin does not declare, and where the host has no screen. Options
   * since 1.5.
   */
  showView(viewId: string, options?: ShowViewOptions): Promise<void>;
  /** Fires when the selection of entities changes (in the explorer, the graph, a page). */
  readonly onDidChangeSelection: Event<{ entityIds: string[] }>;
}
