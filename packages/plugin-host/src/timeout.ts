/** Raised when a plugin does not answer in time; the host then stops it. */
export class PluginTimeoutError extends Error {
  /**
   * @param pluginId the plugin that hung.
   * @param what what it was doing, e.g. `activate`.
   * @param ms the limit it exceeded.
   */
  constructor(pluginId: string, what: string, ms: number) {
    super(`Plugin ${pluginId} did not finish ${what} within ${ms} ms and was stopped.`);
    this.name = 'PluginTimeoutError';
  }
}

/** Resolves like `work`, or rejects with {@link PluginTimeoutError} after `ms`. */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  pluginId: string,
  what: string,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PluginTimeoutError(pluginId, what, ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
