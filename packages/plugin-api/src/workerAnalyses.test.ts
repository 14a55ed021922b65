import { describe, expect, it } from 'vitest';
import type { EntityInfo, RelationInfo } from './graph.ts';
import { type AnalysisWorker, analysisInWorker, serveAnalysis } from './workerAnalyses.ts';

// The page and the Worker talk over a real MessageChannel (structured clone, asynchronous
// delivery), as they do over a Worker's port; `terminate` closes the page's end.

// The platform's MessageChannel (Node has one, as browsers do); typed here, since this package is
// typed without the DOM and Node libraries.
interface MessagePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}
const { MessageChannel } = globalThis as unknown as {
  MessageChannel: new () => { port1: MessagePort; port2: MessagePort };
};

const entity = (id: string, kind: string): EntityInfo =>
  ({ id, kind, title: id, fields: {} }) as unknown as EntityInfo;
const graph = {
  entities: async () => [entity('p1', 'problem'), entity('m1', 'member')],
  relations: async () => [] as RelationInfo[],
};

/** A "Worker" whose module is `body`, run against the other end of a channel. */
function channelWorker(body: (scope: MessagePort) => void): {
  start: () => AnalysisWorker;
  terminated: () => boolean;
} {
  let closed = false;
  return {
    start() {
      const { port1, port2 } = new MessageChannel();
      body(port2);
      port2.start();
      port1.start();
      return {
        postMessage: (m) => port1.postMessage(m),
        terminate: () => {
          closed = true;
          port1.close();
          port2.close();
        },
        addEventListener: (type: 'message' | 'error', listener: (e: never) => void) => {
          if (type === 'message') port1.addEventListener('message', listener as never);
        },
      } as AnalysisWorker;
    },
    terminated: () => closed,
  };
}

describe('analysisInWorker', () => {
  it('posts the graph to the Worker and returns what it computed, then stops it', async () => {
    const worker = channelWorker((scope) =>
      serveAnalysis(
        ({ entities }) => ({
          type: 'list',
          items: entities
            .filter((e) => e.kind === 'problem')
            .map((e) => ({ id: e.id, label: e.title })),
        }),
        scope,
      ),
    );
    const result = await analysisInWorker(graph, worker.start).run();
    expect(result).toEqual({ type: 'list', items: [{ id: 'p1', label: 'p1' }] });
    expect(worker.terminated()).toBe(true);
  });

  it('reports what the computation threw', async () => {
    const worker = channelWorker((scope) =>
      serveAnalysis(() => {
        throw new Error('no practices to compare');
      }, scope),
    );
    await expect(analysisInWorker(graph, worker.start).run()).rejects.toThrow(
      'no practices to compare',
    );
    expect(worker.terminated()).toBe(true);
  });

  it('refuses a Worker that posts something other than an answer', async () => {
    const worker = channelWorker((scope) =>
      scope.addEventListener('message', () => scope.postMessage({ hello: 'page' })),
    );
    await expect(analysisInWorker(graph, worker.start).run()).rejects.toThrow(/not an answer/);
  });

  it('stops a Worker that never answers once its time is up', async () => {
    const worker = channelWorker(() => {});
    await expect(analysisInWorker(graph, worker.start, { timeoutMs: 50 }).run()).rejects.toThrow(
      /did not finish within 0.05 s/,
    );
    expect(worker.terminated()).toBe(true);
  });
});
