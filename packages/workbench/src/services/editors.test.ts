import { describe, expect, it } from 'vitest';
import { EditorService } from './editors.ts';

describe('EditorService', () => {
  it('opens a tab once and focuses it when opened again', () => {
    const e = new EditorService();
    e.open('entity:a');
    e.open('entity:b');
    e.open('entity:a');
    const g = e.state.get().groups[0]!;
    expect(g.tabs.map((t) => t.uri)).toEqual(['entity:a', 'entity:b']);
    expect(g.active).toBe('entity:a');
  });

  it('replaces the preview tab with the next preview', () => {
    const e = new EditorService();
    e.open('entity:a', { preview: true });
    e.open('entity:b', { preview: true });
    expect(e.state.get().groups[0]!.tabs).toEqual([{ uri: 'entity:b', preview: true }]);
  });

  it('splits into a second group and removes it when its last tab closes', () => {
    const e = new EditorService();
    e.open('entity:a');
    e.splitRight();
    expect(e.state.get().groups).toHaveLength(2);
    expect(e.activeUri()).toBe('entity:a');
    e.close('entity:a');
    expect(e.state.get().groups).toHaveLength(1);
    expect(e.activeUri()).toBe('entity:a');
  });

  it('activates the neighbour when the active tab closes', () => {
    const e = new EditorService();
    e.open('a:1');
    e.open('a:2');
    e.open('a:3');
    e.focus(1, 'a:2');
    e.close('a:2');
    expect(e.activeUri()).toBe('a:3');
  });
});
