import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from './disposable.ts';
import { Emitter } from './event.ts';

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

describe('Emitter that rethrows', () => {
  it('runs every listener, then throws the first error', () => {
    const emitter = new Emitter<number>({ rethrowListenerErrors: true });
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('first');
    });
    emitter.event((n) => seen.push(n));
    expect(() => emitter.fire(3)).toThrow('first');
    expect(seen).toEqual([3]);
  });
});
