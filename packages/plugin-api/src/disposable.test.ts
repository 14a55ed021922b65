import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from './disposable.ts';
import { Emitter } from './event.ts';
import { recordTransaction } from './transaction.ts';

describe('Disposable', () => {
  it('runs a cleanup once however often it is disposed', () => {
    let runs = 0;
    const d = toDisposable(() => runs++);
    d.dispose();
    d.dispose();
    expect(runs).toBe(1);
  });

  it('a store disposes everything in reverse order, and what is added later at once', () => {
    const order: number[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push(1)));
    store.add(toDisposable(() => order.push(2)));
    store.dispose();
    expect(order).toEqual([2, 1]);
    store.add(toDisposable(() => order.push(3)));
    expect(order).toEqual([2, 1, 3]);
    expect(store.size).toBe(0);
  });

  it('a store keeps disposing when one item throws, then rethrows', () => {
    const store = new DisposableStore();
    let ran = false;
    store.add(toDisposable(() => (ran = true)));
    store.add(
      toDisposable(() => {
        throw new Error('boom');
      }),
    );
    expect(() => store.dispose()).toThrow('boom');
    expect(ran).toBe(true);
  });
});

describe('Emitter', () => {
  it('delivers to listeners until they unsubscribe', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    const sub = emitter.event((n) => seen.push(n));
    emitter.fire(1);
    sub.dispose();
    emitter.fire(2);
    expect(seen).toEqual([1]);
    expect(emitter.listenerCount).toBe(0);
  });

  it('a throwing listener does not starve the others', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>({ onListenerError: (e) => errors.push(e) });
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('bad listener');
    });
    emitter.event((n) => seen.push(n));
    emitter.fire(7);
    expect(seen).toEqual([7]);
    expect(errors).toHaveLength(1);
  });

  it('tells its owner when the first listener comes and the last one goes', () => {
    const log: string[] = [];
    const emitter = new Emitter<void>({
      onFirstListener: () => log.push('first'),
      onLastListener: () => log.push('last'),
    });
    const a = emitter.event(() => {});
    const b = emitter.event(() => {});
    a.dispose();
    b.dispose();
    expect(log).toEqual(['first', 'last']);
  });
});

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
