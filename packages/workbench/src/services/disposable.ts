// The one Disposable of every layer lives in @repertoire/base.
export { combineDisposables, type Disposable, toDisposable } from '@repertoire/base';
