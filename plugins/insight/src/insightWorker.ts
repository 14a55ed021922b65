// The Community page's computation, off the main thread: one message in (the snapshot, settings
// and the instant to describe), the report cut to what the viewer may see out.
import { computeInsight, visibleTo } from '@repertoire/insight';
import type { InsightRequest } from './insightRequest.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: InsightRequest }) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = ({ data }) => {
  try {
    const report = computeInsight(
      data.data,
      data.settings,
      data.now,
      new Map(data.memberOfAccount),
      data.compare ? { compare: data.compare } : {},
    );
    scope.postMessage({ id: data.id, report: visibleTo(report, data.viewer) });
  } catch (error) {
    scope.postMessage({
      id: data.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
