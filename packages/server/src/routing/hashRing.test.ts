import { describe, expect, it } from 'vitest';
import { workspaceOfPath } from '../extensions/routingExtension.ts';
import { HashRing } from './hashRing.ts';

const keys = Array.from({ length: 3000 }, (_, i) => `w_${i.toString(36)}`);

describe('workspace-owner hashing', () => {
  it('gives every key one owner, the same on every instance, spread over all instances', () => {
    const urls = ['http://a:1', 'http://b:1', 'http://c:1'];
    const one = new HashRing(urls);
    const other = new HashRing([...urls].reverse());
    const counts = new Map<string, number>();
    for (const key of keys) {
      expect(one.owner(key)).toBe(other.owner(key));
      counts.set(one.owner(key), (counts.get(one.owner(key)) ?? 0) + 1);
    }
    for (const url of urls) expect(counts.get(url)).toBeGreaterThan(keys.length / 6);
  });

  it('moves only the keys of a removed instance, each to its next candidate', () => {
    const full = new HashRing(['http://a:1', 'http://b:1', 'http://c:1']);
    const without = new HashRing(['http://a:1', 'http://c:1']);
    for (const key of keys) {
      const owner = full.owner(key);
      if (owner !== 'http://b:1') expect(without.owner(key)).toBe(owner);
      else expect(without.owner(key)).toBe(full.candidates(key)[1]);
    }
  });

  it('reads the workspace from routed WebSocket paths only', () => {
    expect(workspaceOfPath('/sync/w_abc')).toBe('w_abc');
    expect(workspaceOfPath('/y/w_abc/doc/x')).toBe('w_abc');
    expect(workspaceOfPath('/y/w_abc%2Fgraph')).toBe('w_abc');
    expect(workspaceOfPath('/sync')).toBeNull();
    expect(workspaceOfPath('/api/w_abc')).toBeNull();
  });
});
