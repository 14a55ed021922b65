import type { Endpoint } from 'comlink';

/** The part of a `worker_threads` Worker or MessagePort that carries messages. */
export interface NodeMessagePort {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
  start?: () => void;
}

/**
 * Adapts a Node `worker_threads` port to comlink's Endpoint (the Web Worker shape), so the exact
 * sandbox protocol the browser uses also runs in Node.
 */
export function nodeEndpoint(port: NodeMessagePort): Endpoint {
  const listeners = new WeakMap<object, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      port.postMessage(message, transfer as readonly unknown[] | undefined),
    addEventListener: (_type: string, handler: EventListenerOrEventListenerObject) => {
      const listener = (data: unknown) => {
        const event = { data } as MessageEvent;
        if (typeof handler === 'function') handler(event);
        else handler.handleEvent(event);
      };
      port.on('message', listener);
      listeners.set(handler, listener);
    },
    removeEventListener: (_type: string, handler: EventListenerOrEventListenerObject) => {
      const listener = listeners.get(handler);
      if (!listener) return;
      port.off('message', listener);
      listeners.delete(handler);
    },
    ...(port.start ? { start: port.start.bind(port) } : {}),
  } as Endpoint;
}
