import {
  type CommunityData,
  computeInsight,
  type InsightReport,
  type InsightSettings,
  type Period,
  type Viewer,
  visibleTo,
} from '@repertoire/insight';
import type { Disposable } from '@repertoire/plugin-api';
import type { CommunitySnapshot } from './communityData.ts';

/** One computation asked of the Worker. */
export interface InsightRequest {
  readonly id: number;
  readonly data: CommunityData;
  readonly memberOfAccount: [string, string][];
  readonly viewer: Viewer;
  readonly settings: InsightSettings;
  readonly now: string;
  /** Terms to compare side by side, if any. */
  readonly compare?: readonly Period[];
}

/** Computes reports off the main thread; only the latest request's answer is delivered. */
export interface InsightComputer extends Disposable {
  /** The report for a snapshot, cut to its viewer; rejects when a newer request replaced it. */
  compute(
    snapshot: CommunitySnapshot,
    settings: InsightSettings,
    now: string,
    compare?: readonly Period[],
  ): Promise<InsightReport>;
}

/**
 * A Worker running `@repertoire/insight`, or (where there is no Worker, as in Node tests) the same
 * computation in this thread.
 */
export function createInsightComputer(): InsightComputer {
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (r: InsightReport) => void; reject: (e: Error) => void }
  >();
  const worker =
    typeof Worker === 'undefined'
      ? undefined
      : new Worker(new URL('./insightWorker.ts', import.meta.url), { type: 'module' });
  if (worker)
    worker.onmessage = (
      event: MessageEvent<{ id: number; report?: InsightReport; error?: string }>,
    ) => {
      const { id, report, error } = event.data;
      const waiting = pending.get(id);
      pending.delete(id);
      if (!waiting) return;
      if (report) waiting.resolve(report);
      else waiting.reject(new Error(error ?? 'The insight computation failed.'));
    };
  return {
    compute(snapshot, settings, now, compare) {
      const id = ++next;
      // A newer request makes older ones moot: the page shows only the latest state.
      for (const [old, waiting] of pending) {
        pending.delete(old);
        waiting.reject(new Error('superseded'));
      }
      if (!worker)
        return Promise.resolve(
          visibleTo(
            computeInsight(
              snapshot.data,
              settings,
              now,
              snapshot.memberOfAccount,
              compare ? { compare } : {},
            ),
            snapshot.viewer,
          ),
        );
      return new Promise<InsightReport>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: InsightRequest = {
          id,
          data: snapshot.data,
          memberOfAccount: [...snapshot.memberOfAccount],
          viewer: snapshot.viewer,
          settings,
          now,
          ...(compare ? { compare } : {}),
        };
        worker.postMessage(request);
      });
    },
    dispose() {
      worker?.terminate();
      for (const waiting of pending.values()) waiting.reject(new Error('closed'));
      pending.clear();
    },
  };
}
