import { createGraphDoc, Workspace } from '@repertoire/core';
import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { refusalNotice } from './refusalNotices.ts';

// The notice reads only the session's summary and its core workspace; a real core workspace
// stands in for the synced one.
function session(): WorkspaceSession {
  const workspace = new Workspace(createGraphDoc(), { user: 'u-ana', id: 'w1' });
  return { summary: { id: 'w1', name: 'Leaders' }, workspace } as unknown as WorkspaceSession;
}

describe('refusal notices', () => {
  it('says a change taken back this session was undone', () => {
    const notice = refusalNotice(session(), {
      documentName: 'w1/graph',
      cause: 'invalid',
      reason: 'entity "x" has no title',
      rolledBack: 2,
    });
    expect(notice.message).toContain('did not accept your change to the community');
    expect(notice.detail).toContain('undone on this device');
    expect(notice.actions).toBeUndefined();
  });

  it('offers a reload when an earlier session’s copy stopped syncing', () => {
    const notice = refusalNotice(session(), {
      documentName: 'w1/graph',
      cause: 'invalid',
      reason: 'entity "x" has no title',
      rolledBack: 0,
      stopped: true,
    });
    expect(notice.severity).toBe('error');
    expect(notice.message).toContain('copy of the community holds a change');
    expect(notice.detail).toContain('stopped syncing');
    expect(notice.actions?.map((a) => a.label)).toEqual(['Reload']);
  });
});
