// The one Observable of every layer lives in @repertoire/base; sync state compares shallowly, so an
// equal copy of a state object notifies no one.
export { type Disposable, Observable, shallowEqual } from '@repertoire/base';
