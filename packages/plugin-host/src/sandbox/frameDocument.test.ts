import { describe, expect, it } from 'vitest';
import { frameContentSecurityPolicy, frameDocument } from './frameDocument.ts';

const bootUrl = 'https://app.example.org/assets/frameBoot-1a2b.js';

describe('sandbox frame policy', () => {
  it('allows only the boot script and blob: code, and no connection without network', () => {
    expect(frameContentSecurityPolicy({ bootUrl, networkOrigins: [] })).toBe(
      "default-src 'none'; script-src https://app.example.org/assets/frameBoot-1a2b.js blob:; worker-src blob:; connect-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('lets a plugin with network connect to its declared origins only', () => {
    expect(
      frameContentSecurityPolicy({
        bootUrl,
        networkOrigins: ['https://api.example.org', 'wss://live.example.org:8443'],
      }),
    ).toContain('connect-src https://api.example.org wss://live.example.org:8443;');
  });

  it('refuses a source that would break out of its directive', () => {
    expect(() =>
      frameContentSecurityPolicy({
        bootUrl,
        networkOrigins: ["https://a.org; script-src 'unsafe-eval'"],
      }),
    ).toThrow(/cannot be named in a Content-Security-Policy/);
    expect(() =>
      frameContentSecurityPolicy({
        bootUrl: 'data:text/javascript;base64,AAAA',
        networkOrigins: [],
      }),
    ).toThrow(/cannot be named/);
  });

  it('puts the policy before the boot script, escaped for the attribute', () => {
    const html = frameDocument({ bootUrl, networkOrigins: [] });
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(
      html.indexOf('<script'),
    );
    expect(html).toContain("content=\"default-src 'none';");
    expect(html).not.toMatch(/<script>/);
  });
});
