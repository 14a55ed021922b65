import { type Disposable, type PluginContext, toDisposable } from '@repertoire/plugin-api';

/** The view the editor area shows when no tab is open. */
export const WELCOME_VIEW = 'explorer.welcome';
/** The page a member meets right after accepting an invitation. */
export const JOINED_VIEW = 'explorer.joined';

/** Mounts one of the pages (React, fetched with the first page shown) into the view's element. */
function mountPage(
  element: unknown,
  context: PluginContext,
  page: 'WelcomePage' | 'JoinedPage',
): Disposable {
  const container = document.createElement('div');
  container.className = 'rp-welcome-view';
  (element as HTMLElement).append(container);
  let unmount: (() => void) | undefined;
  let live = true;
  void import('./WelcomePages.tsx').then((pages) => {
    if (live) unmount = pages.renderPage(container, page, context);
  });
  return toDisposable(() => {
    live = false;
    // The workbench disposes views while React commits; unmount this root just after.
    queueMicrotask(() => {
      unmount?.();
      container.remove();
    });
  });
}

/**
 * The Explorer's two "where do I start" pages: the editor area's welcome when no tab is open
 * (`editorFor: { welcome: true }`, API 1.5) and "You joined <community>" for a member who just
 * accepted an invitation (`workspace.joined`), opened beside anything they already opened.
 */
export async function registerWelcome(context: PluginContext): Promise<Disposable[]> {
  const registered = [
    context.views.registerCustomView(WELCOME_VIEW, {
      editorFor: { welcome: true },
      mount: (element) => mountPage(element, context, 'WelcomePage'),
    }),
    context.views.registerCustomView(JOINED_VIEW, {
      mount: (element) => mountPage(element, context, 'JoinedPage'),
    }),
  ];
  // Greeted before activation ends, so the workbench's starting page never covers the greeting.
  if (context.workspace.joined)
    await context.window
      .showView(JOINED_VIEW, { preserveFocus: true })
      .catch((error: Error) => context.log.warn(`The welcome did not open: ${error.message}`));
  return registered;
}
