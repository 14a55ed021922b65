import { ObservableValue } from './observable.ts';

/** What is shown where: the active side bar container and panel tab, and what is hidden. */
export interface LayoutState {
  readonly sidebarVisible: boolean;
  readonly activeSidebar: string | undefined;
  readonly panelVisible: boolean;
  readonly activePanel: string | undefined;
  /** Which overlay is open: the command palette, quick open or none. */
  readonly overlay: 'commands' | 'quickOpen' | undefined;
}

/** Layout state and the toggles the layout commands call. */
export class LayoutService {
  readonly state = new ObservableValue<LayoutState>({
    sidebarVisible: true,
    activeSidebar: undefined,
    panelVisible: false,
    activePanel: undefined,
    overlay: undefined,
  });

  /** Shows a side bar container; clicking the active one again hides the side bar (VS Code). */
  toggleSidebar(container?: string): void {
    const s = this.state.get();
    if (container === undefined) {
      this.#set({ sidebarVisible: !s.sidebarVisible });
      return;
    }
    if (s.activeSidebar === container && s.sidebarVisible) this.#set({ sidebarVisible: false });
    else this.#set({ sidebarVisible: true, activeSidebar: container });
  }

  /** Shows a side bar container. */
  showSidebar(container: string): void {
    this.#set({ sidebarVisible: true, activeSidebar: container });
  }

  /** Shows or hides the bottom panel, optionally on one tab. */
  togglePanel(container?: string): void {
    const s = this.state.get();
    if (container && container !== s.activePanel)
      this.#set({ panelVisible: true, activePanel: container });
    else this.#set({ panelVisible: !s.panelVisible });
  }

  /** Opens or closes an overlay. */
  setOverlay(overlay: LayoutState['overlay']): void {
    this.#set({ overlay });
  }

  #set(patch: Partial<LayoutState>): void {
    this.state.set({ ...this.state.get(), ...patch });
  }
}
