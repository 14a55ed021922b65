import type { ComponentType } from 'react';
import { ObservableValue } from './observable.ts';

/**
 * Opens editors for a resource kind, by URI scheme: `entity:<id>`, `doc:<id>`, `graph:` ...
 * The editor area asks the provider for the tab's title and what to render.
 */
export interface EditorProvider {
  /** The scheme before the colon, also the registry id. */
  readonly id: string;
  /** The tab title (and icon name) for a URI; called again when the provider signals a change. */
  describe(uri: string): { title: string; icon?: string };
  /** Renders the editor for a URI. */
  readonly component: ComponentType<{ uri: string }>;
}

/** A tab in an editor group. */
export interface EditorTab {
  readonly uri: string;
  /** A preview tab is replaced by the next preview open (single click in the explorer). */
  readonly preview?: boolean;
}

/** A column of tabs; the editor area shows groups side by side. */
export interface EditorGroup {
  readonly id: number;
  readonly tabs: readonly EditorTab[];
  readonly active: string | undefined;
}

/** The state of the editor area. */
export interface EditorAreaState {
  readonly groups: readonly EditorGroup[];
  readonly activeGroup: number;
}

/** Tabs and split groups; the state is plain data so it can be saved and restored. */
export class EditorService {
  readonly state = new ObservableValue<EditorAreaState>({
    groups: [{ id: 1, tabs: [], active: undefined }],
    activeGroup: 1,
  });
  #nextGroup = 2;

  /** Opens (or focuses) a URI in the active group, or in `options.group`. */
  open(uri: string, options: { preview?: boolean; group?: number; side?: boolean } = {}): void {
    if (options.side) {
      this.openToSide(uri);
      return;
    }
    const s = this.state.get();
    const groupId = options.group ?? s.activeGroup;
    this.#update(groupId, (g) => {
      if (g.tabs.some((t) => t.uri === uri)) {
        const tabs = options.preview ? g.tabs : g.tabs.map((t) => (t.uri === uri ? { uri } : t));
        return { ...g, tabs, active: uri };
      }
      const kept = options.preview ? g.tabs.filter((t) => !t.preview) : g.tabs;
      const at = g.active ? kept.findIndex((t) => t.uri === g.active) + 1 : kept.length;
      const tab: EditorTab = options.preview ? { uri, preview: true } : { uri };
      const tabs = [...kept.slice(0, at || kept.length), tab, ...kept.slice(at || kept.length)];
      return { ...g, tabs, active: uri };
    });
    this.state.set({ ...this.state.get(), activeGroup: groupId });
  }

  /** Opens a URI in the group to the right of the active one, making one if needed (max 3). */
  openToSide(uri: string): void {
    const s = this.state.get();
    const index = s.groups.findIndex((g) => g.id === s.activeGroup);
    let target = s.groups[index + 1];
    if (!target && s.groups.length < 3) {
      target = { id: this.#nextGroup++, tabs: [], active: undefined };
      const groups = [...s.groups];
      groups.splice(index + 1, 0, target);
      this.state.set({ ...s, groups });
    }
    this.open(uri, { group: (target ?? s.groups[index])!.id });
  }

  /** Splits the active editor into a new group on the right. */
  splitRight(): void {
    const s = this.state.get();
    const active = s.groups.find((g) => g.id === s.activeGroup)?.active;
    if (active) this.openToSide(active);
  }

  /** Closes a tab; an emptied group other than the last one disappears. */
  close(uri: string, groupId = this.state.get().activeGroup): void {
    const s = this.state.get();
    const group = s.groups.find((g) => g.id === groupId);
    if (!group) return;
    const index = group.tabs.findIndex((t) => t.uri === uri);
    if (index < 0) return;
    const tabs = group.tabs.filter((t) => t.uri !== uri);
    const active =
      group.active === uri
        ? (tabs[Math.min(index, tabs.length - 1)]?.uri ?? undefined)
        : group.active;
    if (tabs.length === 0 && s.groups.length > 1) {
      const groups = s.groups.filter((g) => g.id !== groupId);
      this.state.set({ groups, activeGroup: groups[Math.max(0, s.groups.indexOf(group) - 1)]!.id });
      return;
    }
    this.#update(groupId, (g) => ({ ...g, tabs, active }));
  }

  /** Closes a URI everywhere (its resource was deleted). */
  closeEverywhere(uri: string): void {
    for (const g of this.state.get().groups) this.close(uri, g.id);
  }

  /** Makes a group (and optionally one of its tabs) active. */
  focus(groupId: number, uri?: string): void {
    if (uri) this.#update(groupId, (g) => ({ ...g, active: uri }));
    this.state.set({ ...this.state.get(), activeGroup: groupId });
  }

  /** The URI of the active tab of the active group. */
  activeUri(): string | undefined {
    const s = this.state.get();
    return s.groups.find((g) => g.id === s.activeGroup)?.active;
  }

  /** Moves focus to the next or previous tab in the active group. */
  cycle(delta: 1 | -1): void {
    const s = this.state.get();
    const g = s.groups.find((x) => x.id === s.activeGroup);
    if (!g || g.tabs.length === 0) return;
    const i = g.tabs.findIndex((t) => t.uri === g.active);
    const next = g.tabs[(i + delta + g.tabs.length) % g.tabs.length]!;
    this.focus(g.id, next.uri);
  }

  #update(groupId: number, fn: (g: EditorGroup) => EditorGroup): void {
    const s = this.state.get();
    this.state.set({ ...s, groups: s.groups.map((g) => (g.id === groupId ? fn(g) : g)) });
  }
}
