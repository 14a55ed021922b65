import type { RendererPreference } from '@repertoire/graph-view';
import type { Disposable, PluginContext } from '@repertoire/plugin-api';

/** The command that chooses how this device draws the graph. */
export const CHOOSE_RENDERER_COMMAND = 'graph.chooseRenderer';
const KEY = 'renderer';
const CHOICES: readonly RendererPreference[] = ['auto', 'canvas', 'webgl'];
const isChoice = (v: unknown): v is RendererPreference =>
  typeof v === 'string' && (CHOICES as readonly string[]).includes(v);

/**
 * How this device draws the graph: automatically (WebGL for a large graph when a GPU is behind
 * it, else the canvas with level of detail), always the canvas, or always WebGL. Kept in the
 * plugin's storage (per device: what draws fast depends on the machine), read when the tab
 * mounts; an open tab redraws with the new choice.
 */
export class RendererChoice implements Disposable {
  #current: RendererPreference = 'auto';
  readonly #listeners = new Set<(choice: RendererPreference) => void>();
  readonly #storage: PluginContext['storage'];

  constructor(storage: PluginContext['storage']) {
    this.#storage = storage;
  }

  get current(): RendererPreference {
    return this.#current;
  }

  /** Reads the stored choice (an unreadable or unknown one is "auto"). */
  async load(): Promise<RendererPreference> {
    const stored = await this.#storage.get(KEY).catch(() => undefined);
    this.#current = isChoice(stored) ? stored : 'auto';
    return this.#current;
  }

  async set(choice: RendererPreference): Promise<void> {
    await this.#storage.set(KEY, choice);
    this.#current = choice;
    for (const l of [...this.#listeners]) l(choice);
  }

  onDidChange(listener: (choice: RendererPreference) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  dispose(): void {
    this.#listeners.clear();
  }
}

/**
 * The command's handler (resolves with what is now chosen, or undefined if nothing changed): with an argument (`'auto' | 'canvas' | 'webgl'`) it sets that, else it
 * asks. WebGL is offered only where the browser has WebGL2, and named slow on a software
 * rasterizer; a bad argument is refused with a notification and changes nothing.
 */
export function chooseRendererCommand(context: PluginContext, choice: RendererChoice) {
  return async (arg?: unknown): Promise<RendererPreference | undefined> => {
    // Loaded when asked: Cytoscape stays out of the workbench's start-up.
    const { webglSupport } = await import('@repertoire/graph-view');
    const webgl = webglSupport();
    let picked: unknown = arg;
    if (picked === undefined) {
      const items = [
        {
          label: 'Automatic',
          value: 'auto',
          description: 'WebGL for large graphs when a GPU is present',
        },
        { label: 'Canvas', value: 'canvas', description: 'Works everywhere' },
        ...(webgl.available
          ? [
              {
                label: 'WebGL',
                value: 'webgl',
                description: webgl.software
                  ? `no GPU here (${webgl.renderer}): slow`
                  : webgl.renderer,
              },
            ]
          : []),
      ];
      picked = (await context.window.showQuickPick(items, { title: 'Draw the graph with' }))?.value;
      if (picked === undefined) return undefined;
    }
    if (!isChoice(picked)) {
      await context.window.showNotification(
        `Unknown renderer ${JSON.stringify(picked)}: choose auto, canvas or webgl.`,
        { severity: 'error' },
      );
      return undefined;
    }
    if (picked === 'webgl' && !webgl.available) {
      await context.window.showNotification(
        'This browser has no WebGL2, so the graph stays drawn with the canvas.',
        { severity: 'error' },
      );
      return undefined;
    }
    await choice.set(picked);
    return picked;
  };
}
