// The document of a plugin's sandbox frame and its Content-Security-Policy. Pure functions: they run
// in the page that builds the frame, and in Node tests that read the policy.

/** What the policy of one plugin's frame is built from. */
export interface FramePolicyOptions {
  /** Absolute URL of the frame's boot script (`frameBoot.js` as the app serves it). */
  readonly bootUrl: string;
  /** Origins the plugin may connect to; empty when it lacks `network`. */
  readonly networkOrigins: readonly string[];
}

// A source expression may not carry these: each would end the directive or the policy early.
const UNSAFE_IN_POLICY = /[\s;,'"]/;

/**
 * The frame's policy: nothing is allowed unless named. Scripts are the boot script and blob: URLs
 * (the frame's own, made from the code the host handed it; an opaque origin cannot mint blob: URLs
 * of any other origin); Workers only from blob:; connections only to the declared origins.
 */
export function frameContentSecurityPolicy(options: FramePolicyOptions): string {
  for (const source of [options.bootUrl, ...options.networkOrigins])
    if (UNSAFE_IN_POLICY.test(source) || !URL.canParse(source))
      throw new Error(`${JSON.stringify(source)} cannot be named in a Content-Security-Policy.`);
  const connect = options.networkOrigins.length > 0 ? options.networkOrigins.join(' ') : "'none'";
  return [
    "default-src 'none'",
    `script-src ${options.bootUrl} blob:`,
    'worker-src blob:',
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A webview frame's policy: its boot script and the blob: script it makes of the view's code;
 * inline styles (the view's CSS and the theme); images, fonts and media only from data: and blob:;
 * no Workers; connections (and images) only to the declared origins.
 */
export function webviewContentSecurityPolicy(options: FramePolicyOptions): string {
  for (const source of [options.bootUrl, ...options.networkOrigins])
    if (UNSAFE_IN_POLICY.test(source) || !URL.canParse(source))
      throw new Error(`${JSON.stringify(source)} cannot be named in a Content-Security-Policy.`);
  const origins = options.networkOrigins.join(' ');
  return [
    "default-src 'none'",
    `script-src ${options.bootUrl} blob:`,
    "style-src 'unsafe-inline'",
    `img-src data: blob:${origins ? ` ${origins}` : ''}`,
    'font-src data:',
    'media-src data: blob:',
    `connect-src ${origins || "'none'"}`,
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const attribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The frame's whole document, for `srcdoc`: the policy first (a `<meta>` policy applies only to what
 * follows it), then the boot script. The frame also inherits the app's own policy, so both hold.
 */
export function frameDocument(
  options: FramePolicyOptions,
  policy = frameContentSecurityPolicy(options),
): string {
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${attribute(policy)}"><script src="${attribute(options.bootUrl)}"></script></head></html>`;
}
