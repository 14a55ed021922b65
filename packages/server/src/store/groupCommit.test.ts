import { tempDir } from '@repertoire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from './database.ts';
import { DocumentStore } from './documentStore.ts';
import { GroupCommit } from './groupCommit.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A document store over a real SQLite file. */
async function store() {
  const dir = await tempDir('repertoire-group-commit-');
  const db = await openDatabase(dir.path);
  cleanup.push(
    () => dir.dispose(),
    () => db.close(),
  );
  return { db, documents: new DocumentStore(db) };
}

/** One update adding `text` to the text `t`. */
function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('GroupCommit', () => {
  it('stores every update handed in during one turn in one transaction, then resolves', async () => {
    const { documents } = await store();
    const commits: number[] = [];
    const group = new GroupCommit(documents, (n) => commits.push(n));
    let resolved = 0;
    const waits = Array.from({ length: 50 }, (_, i) =>
      group.append(i % 2 ? 'w/doc/a' : 'w/doc/b', update(`u${i}`)).then(() => resolved++),
    );
    // Nothing is acknowledged before the commit, and nothing is written before the turn ends.
    await Promise.resolve();
    expect(resolved).toBe(0);
    expect(await documents.pendingUpdates('w/doc/a')).toBe(0);
    await Promise.all(waits);
    expect(commits).toEqual([50]);
    expect(
      (await documents.pendingUpdates('w/doc/a')) + (await documents.pendingUpdates('w/doc/b')),
    ).toBe(50);
    // A later turn is a commit of its own.
    await group.append('w/doc/a', update('later'));
    expect(commits).toEqual([50, 1]);
  });

  it('rejects every update of a failed commit and stores none of them', async () => {
    const { documents } = await store();
    const group = new GroupCommit(documents);
    // The second update of the turn cannot be stored (no bytes): the whole transaction fails.
    const waits = [
      group.append('w/doc/a', update('x')),
      group.append('w/doc/a', null as unknown as Uint8Array),
      group.append('w/doc/a', update('y')),
    ];
    const results = await Promise.allSettled(waits);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await documents.pendingUpdates('w/doc/a')).toBe(0);
    // The store keeps working for the next turn.
    await group.append('w/doc/a', update('z'));
    expect(await documents.pendingUpdates('w/doc/a')).toBe(1);
  });
});
