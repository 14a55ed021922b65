import {
  type CancellationToken,
  Emitter,
  type Progress,
  type ProgressOptions,
} from '@repertoire/plugin-api';
import type { ProgressHandle, WorkbenchUi } from './services.ts';

/** A cancellation token and the switch that cancels it. */
export function cancellationSource(): {
  token: CancellationToken;
  cancel(): void;
  dispose(): void;
} {
  const emitter = new Emitter<void>();
  let cancelled = false;
  return {
    token: {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested: emitter.event,
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      emitter.fire(undefined);
    },
    dispose: () => emitter.dispose(),
  };
}

/** A progress bar of the workbench, or a silent stand-in where the UI has none (headless). */
export function openProgress(
  ui: WorkbenchUi,
  source: string,
  options: ProgressOptions,
): ProgressHandle {
  const shown = ui.showProgress?.(source, {
    title: String(options.title),
    cancellable: options.cancellable === true,
  });
  if (shown) return shown;
  return { report: () => undefined, onDidCancel: () => ({ dispose: () => undefined }), close() {} };
}

/**
 * Runs a plugin's task under a progress bar: the bar follows its reports, Cancel trips its token,
 * and the bar goes when the task settles, however it settles.
 */
export async function runWithProgress<T>(
  ui: WorkbenchUi,
  source: string,
  options: ProgressOptions,
  task: (progress: Progress, token: CancellationToken) => Promise<T>,
): Promise<T> {
  const handle = openProgress(ui, source, options);
  const cancellation = cancellationSource();
  const sub = handle.onDidCancel(() => cancellation.cancel());
  try {
    return await task(
      {
        report: (value) =>
          handle.report({
            ...(typeof value?.message === 'string' ? { message: value.message } : {}),
            ...(Number.isFinite(value?.increment) ? { increment: Number(value.increment) } : {}),
          }),
      },
      cancellation.token,
    );
  } finally {
    sub.dispose();
    handle.close();
    cancellation.dispose();
  }
}
