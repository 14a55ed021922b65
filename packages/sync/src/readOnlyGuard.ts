import type { Disposable, Observable } from './observable.ts';
import type { PendingChanges } from './pendingChanges.ts';

/**
 * While `readOnly` holds (a viewer), takes back every local change right after it is made, and the
 * unacknowledged ones at the moment access turns read-only (a member just made a viewer). The
 * server refuses a viewer's updates, so a change that slipped past the UI would otherwise show this
 * member (and their offline cache) a workspace nobody else has. `onRefused` hears how many
 * changes were taken back, so the member can be told.
 */
export function guardReadOnly(
  pending: PendingChanges,
  readOnly: Observable<boolean>,
  onRefused: (count: number) => void,
): Disposable {
  const rollBack = () => {
    const count = pending.rollBack();
    if (count > 0) onRefused(count);
  };
  const added = pending.onDidAdd(() => {
    if (readOnly.get()) rollBack();
  });
  const follow = readOnly.onDidChange((value) => {
    if (value) rollBack();
  });
  return {
    dispose() {
      added.dispose();
      follow.dispose();
    },
  };
}
