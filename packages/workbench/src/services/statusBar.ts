/** An entry in the status bar. */
export interface StatusItem {
  readonly id: string;
  readonly alignment: 'left' | 'right';
  /** Higher comes first (nearer the edge). */
  readonly priority?: number;
  readonly text: string;
  /** An icon name shown before the text. */
  readonly icon?: string;
  readonly tooltip?: string;
  /** A command run on click. */
  readonly command?: string;
  /** Tints the item, e.g. 'warning' while offline. */
  readonly tone?: 'normal' | 'warning' | 'error' | 'success';
}
