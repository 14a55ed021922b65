import { expect, it } from 'vitest';
import { createWorkbenchServices } from '../services/workbenchServices.ts';
import { JOINED_URI, openJoinedWelcome } from './JoinedWelcome.tsx';

it('greets a new member once the plugins have started, unless they already opened something', () => {
  const fresh = createWorkbenchServices();
  openJoinedWelcome(fresh);
  expect(fresh.editors.activeUri()).toBe(JOINED_URI);

  // A member quicker than the plugins clicked an entry first: the welcome never covers it, and
  // waits in the tab beside it.
  const quick = createWorkbenchServices();
  quick.editors.open('entity:late-work');
  openJoinedWelcome(quick);
  expect(quick.editors.activeUri()).toBe('entity:late-work');
  expect(quick.editors.state.get().groups.flatMap((g) => g.tabs.map((t) => t.uri))).toEqual([
    'entity:late-work',
    JOINED_URI,
  ]);
});
