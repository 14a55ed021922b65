import { createGraphDoc, Workspace } from '@repertoire/core';
import type { GraphSnapshotInfo } from '@repertoire/sync';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { serverGraphHistory } from './graphHistory.ts';

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('serverGraphHistory', () => {
  it("gives the graph of the server's snapshot at a date, decoding each snapshot once", async () => {
    const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
    workspace.registerEntityKind({
      kind: 'member',
      label: 'Member',
      pluralLabel: 'Members',
      icon: 'person',
      colour: '#2a6f97',
      fields: [],
    });
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    // What the server keeps: the whole graph doc as one update, and the snapshot's info.
    const snapshot: GraphSnapshotInfo = {
      id: 's1',
      at: '2025-03-01T12:00:00.000Z',
      trigger: 'manual',
      label: null,
      createdBy: 'ana',
    };
    const update = base64(Y.encodeStateAsUpdate(workspace.doc));
    workspace.deleteEntity(ana.id);
    const asked: string[] = [];
    const history = serverGraphHistory(
      {
        graphStateAt: async (workspaceId, at) => {
          asked.push(`${workspaceId}@${at.toISOString()}`);
          return at.getTime() < Date.parse(snapshot.at)
            ? { snapshot: null, update: '' }
            : { snapshot, update };
        },
      },
      'w1',
    );
    const kept = await history.stateAt(new Date('2025-03-02T00:00:00Z'));
    expect(kept?.at.toISOString()).toBe(snapshot.at);
    expect([...(kept?.state.entities.values() ?? [])].map((e) => e.title)).toEqual(['Ana']);
    expect(await history.stateAt(new Date('2025-03-03T00:00:00Z'))).toBe(kept);
    expect(await history.stateAt(new Date('2025-02-01T00:00:00Z'))).toBeUndefined();
    expect(asked).toEqual([
      'w1@2025-03-02T00:00:00.000Z',
      'w1@2025-03-03T00:00:00.000Z',
      'w1@2025-02-01T00:00:00.000Z',
    ]);
  });

  it('keeps no state when the server cannot be reached, so graph.at falls back to creation stamps', async () => {
    const history = serverGraphHistory(
      {
        graphStateAt: async () => {
          throw new TypeError('Failed to fetch');
        },
      },
      'w1',
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await history.stateAt(new Date('2025-03-02T00:00:00Z'))).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
