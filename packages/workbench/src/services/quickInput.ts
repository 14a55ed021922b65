import { ObservableValue } from './observable.ts';

/** A choice offered by `showQuickPick`. */
export interface PickItem {
  readonly label: string;
  readonly description?: string;
  readonly icon?: string;
}

/** What the quick input overlay currently shows. */
export type QuickInputRequest =
  | {
      readonly type: 'pick';
      readonly items: readonly PickItem[];
      readonly title?: string;
      readonly placeholder?: string;
      readonly resolve: (index: number | undefined) => void;
    }
  | {
      readonly type: 'input';
      readonly title?: string;
      readonly placeholder?: string;
      readonly value?: string;
      /** Returns an error message to show, or undefined when the value is acceptable. */
      readonly validate?: (value: string) => string | undefined;
      readonly resolve: (value: string | undefined) => void;
    };

/** Quick pick and input box: one request at a time; a new one cancels the previous. */
export class QuickInputService {
  readonly current = new ObservableValue<QuickInputRequest | undefined>(undefined);

  /** Lets the member pick one item; resolves with it, or undefined when cancelled. */
  pick<T extends PickItem>(
    items: readonly T[],
    options: { title?: string; placeholder?: string } = {},
  ): Promise<T | undefined> {
    return new Promise((resolve) => {
      this.#replace({
        type: 'pick',
        items,
        ...options,
        resolve: (i) => {
          this.current.set(undefined);
          resolve(i === undefined ? undefined : items[i]);
        },
      });
    });
  }

  /** Asks for text; resolves with it, or undefined when cancelled. */
  input(
    options: {
      title?: string;
      placeholder?: string;
      value?: string;
      validate?: (value: string) => string | undefined;
    } = {},
  ): Promise<string | undefined> {
    return new Promise((resolve) => {
      this.#replace({
        type: 'input',
        ...options,
        resolve: (v) => {
          this.current.set(undefined);
          resolve(v);
        },
      });
    });
  }

  /** Cancels what is showing. */
  cancel(): void {
    const c = this.current.get();
    if (!c) return;
    if (c.type === 'pick') c.resolve(undefined);
    else c.resolve(undefined);
  }

  #replace(request: QuickInputRequest): void {
    this.cancel();
    this.current.set(request);
  }
}
