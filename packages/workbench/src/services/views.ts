import type { ComponentType } from 'react';
import type { Disposable } from './disposable.ts';

/** Where a view container lives: the side bar (with an activity bar icon) or the bottom panel. */
export type ViewLocation = 'sidebar' | 'panel';

/** A group of views with one activity bar icon (side bar) or one panel tab. */
export interface ViewContainer {
  readonly id: string;
  readonly title: string;
  /** An icon name (see `Icon`). */
  readonly icon: string;
  readonly location: ViewLocation;
  /** Lower comes first. */
  readonly order?: number;
}

/**
 * A view inside a container. Give `component` (React) or `mount` (any framework: render into the
 * element and return how to clean up), so plugins are not tied to React.
 */
export interface View {
  readonly id: string;
  readonly container: string;
  readonly title: string;
  readonly order?: number;
  readonly component?: ComponentType;
  readonly mount?: (element: HTMLElement) => Disposable;
  /** Commands shown as icon buttons in the view's header. */
  readonly actions?: readonly string[];
}
