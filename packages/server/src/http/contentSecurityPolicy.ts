// The Content-Security-Policy the server sends: one for the web app, one for plugin files. The web
// app's policy also bounds every third-party plugin, because a plugin's sandbox frame (an
// about:srcdoc document) inherits it on top of its own stricter one; see
// packages/plugin-host/src/sandbox/browserSandbox.ts.

/**
 * The web app's policy. Everything comes from this server (`'self'`, which also covers its own
 * ws:/wss: sync endpoint); nothing runs inline; no plugins, no `<base>`, no framing by others.
 * - `blob:` scripts and Workers are what a plugin's sandbox frame runs (only a script already running
 *   on this origin can mint a blob: URL of it, so this opens no way in for injected markup);
 * - `pluginOrigins` are the origins installed plugins with `network` declared: a plugin's frame can
 *   reach only what both this policy and its own allow, so each must be here and there.
 * - `data:` images and fonts are inline icons (the favicon) and bundled fonts;
 * - inline styles: the editor (`DocumentEditor`) and the graph explorer render `<style>` elements,
 *   and Cytoscape and Lexical set style attributes. CSS cannot run script; once those components
 *   import .css files instead, `'unsafe-inline'` can go.
 */
export function appContentSecurityPolicy(pluginOrigins: readonly string[] = []): string {
  const origins = [...new Set(pluginOrigins.filter(isPolicyOrigin))];
  return [
    "default-src 'self'",
    "script-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src 'self'${origins.map((origin) => ` ${origin}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy of a file an installed plugin ships. The app fetches these files as data (a plugin's
 * code runs only in its sandbox), so a file opened as a page must not run as this origin: the
 * `sandbox` directive gives it an opaque origin and no scripts.
 */
export const PLUGIN_FILE_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Whether `value` is an origin (scheme, host, port) that can stand in a policy as it is. */
function isPolicyOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin === value;
}

/** The network origins the installed plugins declare, from their package.json manifests. */
export function declaredNetworkOrigins(packageJsons: readonly Record<string, unknown>[]): string[] {
  const origins: string[] = [];
  for (const pkg of packageJsons) {
    const manifest = pkg.repertoire as
      | { permissions?: unknown; networkOrigins?: unknown }
      | undefined;
    if (!Array.isArray(manifest?.permissions) || !manifest.permissions.includes('network'))
      continue;
    if (!Array.isArray(manifest.networkOrigins)) continue;
    for (const origin of manifest.networkOrigins)
      if (typeof origin === 'string' && isPolicyOrigin(origin)) origins.push(origin);
  }
  return origins;
}
