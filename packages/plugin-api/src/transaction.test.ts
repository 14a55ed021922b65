import { describe, expect, it } from 'vitest';
import { recordTransaction } from './transaction.ts';

describe('recordTransaction', () => {
  it('records edits with references to entities created in the same transaction', async () => {
    const { value, edits } = await recordTransaction((tx) => {
      const a = tx.createEntity({ kind: 'member', title: 'Ana' });
      const b = tx.createEntity({ kind: 'member', title: 'Ben' });
      tx.link(a, 'mentors', b);
      return a;
    });
    expect(value).toBe('new:1');
    expect(edits.map((e) => e.op)).toEqual(['createEntity', 'createEntity', 'link']);
    expect(edits[2]).toEqual({ op: 'link', from: 'new:1', type: 'mentors', to: 'new:2' });
  });

  it('refuses edits after the transaction has been committed', async () => {
    let leaked: Parameters<Parameters<typeof recordTransaction>[0]>[0] | undefined;
    await recordTransaction((tx) => {
      leaked = tx;
    });
    expect(() => leaked?.deleteEntity('x')).toThrow(/already been committed/);
  });
});
