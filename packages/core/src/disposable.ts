// The one Disposable/Emitter of every layer lives in @repertoire/base; the core re-exports it so its
// own modules and its public API keep one import site.
export { type Disposable, Emitter, type Event, toDisposable } from '@repertoire/base';
