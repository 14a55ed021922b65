// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { CustomViewContext, CustomViewElement } from './customViews.ts';
import { type CustomViewMount, lazyCustomView } from './lazyView.ts';

const context = {} as CustomViewContext;

/** The little of happy-dom's DOM the test touches (this package compiles without DOM types). */
interface Element {
  textContent: string | null;
  append(child: Element): void;
  remove(): void;
  querySelector(selector: string): Element | null;
}
const document = (globalThis as unknown as { document: { createElement(tag: string): Element } })
  .document;
const asView = (element: Element) => element as unknown as CustomViewElement;

/** A load the test settles by hand, to see the view before and after the code arrives. */
function deferred() {
  let resolve!: (mount: CustomViewMount) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<CustomViewMount>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const mountText: CustomViewMount = (element) => {
  const p = document.createElement('p');
  p.textContent = 'The real view';
  (element as unknown as Element).append(p);
  return { dispose: () => p.remove() };
};

// The load's promise settles, then the view's handler runs: a few microtasks are enough.
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('lazyCustomView', () => {
  it('says "Loading…" until the code arrives, then mounts the real view in its place', async () => {
    const code = deferred();
    const load = vi.fn(() => code.promise);
    const element = document.createElement('div');
    const mounted = lazyCustomView(load).mount(asView(element), context);
    expect(element.textContent).toBe('Loading…');
    expect(element.querySelector('[role="status"]')).not.toBeNull();
    code.resolve(mountText);
    await settle();
    expect(element.textContent).toBe('The real view');
    mounted.dispose();
    expect(element.textContent).toBe('');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('mounts nothing when the view is closed before its code arrives', async () => {
    const code = deferred();
    const mount = vi.fn(mountText);
    const element = document.createElement('div');
    lazyCustomView(() => code.promise)
      .mount(asView(element), context)
      .dispose();
    expect(element.textContent).toBe('');
    code.resolve(mount);
    await settle();
    expect(mount).not.toHaveBeenCalled();
    expect(element.textContent).toBe('');
  });

  it('says why when the code cannot be fetched, and tells onError', async () => {
    const code = deferred();
    const onError = vi.fn();
    const element = document.createElement('div');
    lazyCustomView(() => code.promise, { onError }).mount(asView(element), context);
    code.reject(new Error('Failed to fetch dynamically imported module'));
    await settle();
    expect(element.textContent).toContain(
      'This view could not be loaded: Failed to fetch dynamically imported module',
    );
    expect(onError).toHaveBeenCalledOnce();
  });

  it('keeps the document-editor mark', () => {
    expect(lazyCustomView(async () => mountText, { documentEditor: true }).documentEditor).toBe(
      true,
    );
    expect(lazyCustomView(async () => mountText).documentEditor).toBeUndefined();
  });
});
