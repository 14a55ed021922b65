import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasIcon } from '@repertoire/icons';
import { describe, expect, it } from 'vitest';

// Read from disk, not imported: a plugin may not import another plugin, but the Explorer shows
// every built-in's kinds, and a missing name silently becomes a plain circle.
const pluginsDir = join(import.meta.dirname, '..', '..');

function builtInKindIcons(): { plugin: string; kind: string; icon: string }[] {
  return readdirSync(pluginsDir).flatMap((plugin) => {
    const manifest = JSON.parse(readFileSync(join(pluginsDir, plugin, 'package.json'), 'utf8'));
    const kinds: { kind: string; icon?: string }[] =
      manifest.repertoire?.contributes?.entityKinds ?? [];
    return kinds.flatMap((k) => (k.icon ? [{ plugin, kind: k.kind, icon: k.icon }] : []));
  });
}

describe('Explorer icons', () => {
  it('has an icon for every built-in entity kind', () => {
    const kinds = builtInKindIcons();
    expect(kinds.length).toBeGreaterThan(10);
    expect(kinds.filter((k) => !hasIcon(k.icon))).toEqual([]);
  });
});
