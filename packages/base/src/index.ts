export {
  combineDisposables,
  type Disposable,
  DisposableStore,
  toDisposable,
} from './disposable.ts';
export { DuplicateContributionError } from './duplicateContribution.ts';
export { Emitter, type EmitterOptions, type Event } from './event.ts';
export { Observable, type ObservableOptions, shallowEqual } from './observable.ts';
