import { ObservableValue } from './observable.ts';

/** How serious a notification is. */
export type Severity = 'info' | 'warning' | 'error';

/** A message shown as a toast and kept in the notification list. */
export interface Notification {
  readonly id: number;
  readonly severity: Severity;
  readonly message: string;
  readonly detail?: string;
  /** Buttons; running one closes the toast. */
  readonly actions?: readonly { label: string; run: () => void }[];
  /**
   * A long task's bar (a plugin's `withProgress`): it stays until the task ends, then the toast
   * is removed. `cancel` is the Cancel button.
   */
  readonly progress?: {
    readonly percent: number;
    readonly step?: string;
    readonly cancel?: () => void;
  };
  /** Whether the toast is still showing (it stays in the list after it hides). */
  readonly visible: boolean;
}

/** Shows notifications; info toasts hide after a few seconds, errors stay until closed. */
export class NotificationService {
  readonly items = new ObservableValue<readonly Notification[]>([]);
  #next = 1;

  /** Shows a message; returns its id. */
  notify(input: Omit<Notification, 'id' | 'visible'>): number {
    const id = this.#next++;
    this.items.set([...this.items.get(), { ...input, id, visible: true }].slice(-50));
    if (input.severity !== 'error' && !input.progress && typeof setTimeout !== 'undefined')
      setTimeout(() => this.hide(id), input.actions?.length ? 10_000 : 5_000);
    return id;
  }

  /** Shorthands. */
  info(message: string, actions?: Notification['actions']): number {
    return this.notify({ severity: 'info', message, ...(actions ? { actions } : {}) });
  }
  warn(message: string): number {
    return this.notify({ severity: 'warning', message });
  }
  error(message: string, detail?: string): number {
    return this.notify({ severity: 'error', message, ...(detail ? { detail } : {}) });
  }

  /** Moves a progress toast's bar. */
  updateProgress(id: number, progress: NonNullable<Notification['progress']>): void {
    this.items.set(this.items.get().map((n) => (n.id === id ? { ...n, progress } : n)));
  }

  /** Removes a toast from the list altogether (a finished task's bar). */
  remove(id: number): void {
    this.items.set(this.items.get().filter((n) => n.id !== id));
  }

  /** Hides the toast, keeping it in the list. */
  hide(id: number): void {
    this.items.set(this.items.get().map((n) => (n.id === id ? { ...n, visible: false } : n)));
  }

  /** Removes every notification. */
  clear(): void {
    this.items.set([]);
  }
}
