import { describe, expect, it } from 'vitest';
import { buildStylesheet } from './graphStyles.ts';
import { chooseRenderMode } from './renderMode.ts';

describe('buildStylesheet', () => {
  it('turns contributed styles into selectors by kind and relation type', () => {
    const sheet = buildStylesheet([
      { kind: 'practice', colour: '#123456', shape: 'diamond' },
      { relation: 'documents', lineStyle: 'dashed', width: 3 },
    ]);
    expect(sheet).toContainEqual({
      selector: 'node[kind = "practice"]',
      style: { 'background-color': '#123456', shape: 'diamond' },
    });
    expect(sheet).toContainEqual({
      selector: 'edge[type = "documents"]',
      style: { 'line-style': 'dashed', width: 3 },
    });
  });

  it('styles a plugin-qualified kind and relation type', () => {
    const sheet = buildStylesheet([
      { kind: 'sample.inquiry-cycle/inquiry', colour: '#e07a5f' },
      { relation: 'sample.inquiry-cycle/tries', lineStyle: 'dashed' },
    ]);
    expect(sheet.map((r) => r.selector)).toEqual(
      expect.arrayContaining([
        'node[kind = "sample.inquiry-cycle/inquiry"]',
        'edge[type = "sample.inquiry-cycle/tries"]',
      ]),
    );
  });

  it('refuses a kind that would break out of its selector, naming the field', () => {
    expect(() => buildStylesheet([{ kind: 'x"] node[' }])).toThrow(/kind/);
    expect(() => buildStylesheet([{ colour: 'red' }])).toThrow(/"kind" or a "relation"/);
  });
});

describe('chooseRenderMode', () => {
  it('keeps small graphs on canvas at full detail', () => {
    expect(chooseRenderMode(200, 'auto', true)).toMatchObject({
      webgl: false,
      hideEdgesOnViewport: false,
    });
  });
  it('switches large graphs to WebGL when there is WebGL, else to level of detail', () => {
    expect(chooseRenderMode(20_000, 'auto', true)).toMatchObject({ webgl: true });
    expect(chooseRenderMode(20_000, 'auto', false)).toMatchObject({
      webgl: false,
      large: true,
      hideEdgesOnViewport: true,
      textureOnViewport: true,
    });
    // Level of detail switched off: the plain canvas renderer, full detail (the bench baseline).
    expect(chooseRenderMode(20_000, 'canvas', false, undefined, false)).toMatchObject({
      large: false,
      hideEdgesOnViewport: false,
      textureOnViewport: false,
    });
  });
  it('draws a large graph with cheap edges (no arrow heads)', () => {
    const edge = (large: boolean) =>
      buildStylesheet([], 'light', { large }).filter(
        (r) => 'selector' in r && r.selector === 'edge',
      );
    expect(JSON.stringify(edge(true))).toContain('haystack');
    expect(JSON.stringify(edge(false))).not.toContain('haystack');
  });
  it('refuses a forced WebGL the browser cannot give', () => {
    expect(() => chooseRenderMode(10, 'webgl', false)).toThrow(/WebGL2/);
  });
});
