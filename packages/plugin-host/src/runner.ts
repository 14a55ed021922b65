/** Runs one plugin's code somewhere (the page or a Worker); the host drives it. */
export interface PluginRunner {
  /** Loads the plugin's module and calls its `activate`. */
  activate(): Promise<void>;
  /** Calls `deactivate` and disposes everything the plugin registered. */
  deactivate(): Promise<void>;
  /** Stops the plugin at once (a hung or crashed plugin): no more calls reach its code. */
  kill(): void;
}
