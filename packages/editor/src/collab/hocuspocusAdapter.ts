import type { Awareness } from 'y-protocols/awareness';
import type { Doc } from 'yjs';
import type { CollabProvider, CollabSession } from './collabProvider.ts';

type Listener = (...args: never[]) => void;

/**
 * The parts of a HocuspocusProvider (v4) the adapter uses, structurally, so the editor does not
 * depend on the class.
 */
export interface HocuspocusLike {
  readonly document: Doc;
  readonly awareness: Awareness | null;
  readonly isSynced: boolean;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

/** Options of {@link fromHocuspocus}. */
export interface FromHocuspocusOptions {
  /**
   * Whether the editor may connect and disconnect the provider. False when the socket is shared
   * with other documents (the sync package multiplexes them): the editor then only listens.
   * Default: true.
   */
  ownsConnection?: boolean;
}

/**
 * Adapts a HocuspocusProvider to the `@lexical/yjs` provider shape. Lexical waits for a `sync`
 * event that Hocuspocus names `synced` (with `{ state }`), and never hears one when the provider
 * had already synced before the editor mounted; both are bridged here.
 */
export function fromHocuspocus(
  provider: HocuspocusLike,
  options: FromHocuspocusOptions = {},
): CollabSession {
  const awareness = provider.awareness;
  if (!awareness)
    throw new Error('fromHocuspocus: provider.awareness is null; the editor needs awareness');
  const ownsConnection = options.ownsConnection ?? true;
  const wrapped = new Map<Listener, Listener>();
  const translate = (event: string, listener: Listener): [string, Listener] => {
    if (event !== 'sync') return [event, listener];
    let inner = wrapped.get(listener);
    if (!inner) {
      const onSync = listener as unknown as (synced: boolean) => void;
      inner = ((e: { state: boolean }) => onSync(e.state)) as unknown as Listener;
      wrapped.set(listener, inner);
    }
    return ['synced', inner];
  };
  const adapted = {
    awareness,
    connect: () => {
      if (ownsConnection) provider.connect();
    },
    disconnect: () => {
      if (ownsConnection) provider.disconnect();
    },
    on: (event: string, listener: Listener) => {
      const [name, inner] = translate(event, listener);
      provider.on(name, inner);
      // Lexical bootstraps an empty document on `sync`; replay it for late listeners.
      if (event === 'sync' && provider.isSynced)
        queueMicrotask(() => (listener as unknown as (s: boolean) => void)(true));
    },
    off: (event: string, listener: Listener) => {
      const [name, inner] = translate(event, listener);
      provider.off(name, inner);
      if (event === 'sync') wrapped.delete(listener);
    },
  };
  return { doc: provider.document, provider: adapted as unknown as CollabProvider };
}
