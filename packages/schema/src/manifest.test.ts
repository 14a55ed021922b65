import { describe, expect, it } from 'vitest';
import type { PluginManifestInput } from './manifest.ts';
import { formatManifestErrors, parseManifest, parsePluginPackage } from './manifestValidation.ts';

const good: PluginManifestInput = {
  id: 'repertoire.community',
  displayName: 'Community',
  version: '1.0.0',
  engines: { repertoire: '^1.0.0' },
  main: './src/index.ts',
  activationEvents: ['onStartup', 'onCommand:community.addMember', 'onEntityKind:member'],
  permissions: ['graph.read', 'graph.write'],
  contributes: {
    entityKinds: [
      {
        kind: 'member',
        label: 'Member',
        pluralLabel: 'Members',
        icon: 'person',
        colour: '#2a6f97',
        fields: [{ name: 'role', label: 'Role', type: 'enum', options: ['member', 'guest'] }],
      },
    ],
    relationKinds: [{ type: 'mentors', label: 'mentors', from: ['member'], to: ['member'] }],
    commands: [{ id: 'community.addMember', title: 'Add member', category: 'Community' }],
    views: [{ id: 'community.members', name: 'Members', location: 'sidebar' }],
    menus: { commandPalette: [{ command: 'community.addMember' }] },
    keybindings: [{ command: 'community.addMember', key: 'ctrl+alt+m' }],
    settings: [
      { key: 'community.showGuests', type: 'boolean', default: true, description: 'Show guests' },
    ],
    graphStyles: [{ kind: 'member', colour: '#2a6f97', shape: 'ellipse', icon: 'person' }],
  },
};

// biome-ignore lint/suspicious/noExplicitAny: the cases below poke at arbitrary corners of a manifest
type Draft = any;

/** Returns a deep copy of the good manifest changed by `edit`. */
const bad = (edit: (m: Draft) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(good)) as Draft;
  edit(copy);
  return copy;
};

const fieldsOf = (raw: unknown): string[] => {
  const result = parseManifest(raw);
  if (result.ok) throw new Error('expected the manifest to be refused');
  return result.errors.map((e) => e.field);
};

describe('plugin manifest', () => {
  it('accepts a complete manifest and fills defaults', () => {
    const result = parseManifest(good);
    expect(result.ok).toBe(true);
    const minimal = parseManifest({
      id: 'acme.tiny',
      displayName: 'Tiny',
      version: '0.1.0',
      engines: { repertoire: '>=1.0.0 <2.0.0' },
      main: './index.js',
    });
    if (!minimal.ok) throw new Error(JSON.stringify(minimal.errors));
    expect(minimal.manifest.permissions).toEqual([]);
    expect(minimal.manifest.activationEvents).toEqual([]);
    expect(minimal.manifest.contributes).toEqual({});
  });

  it.each([
    ['an id without a publisher', (m) => (m.id = 'community'), 'id'],
    ['a version that is not semver', (m) => (m.version = 'one'), 'version'],
    ['missing engines', (m) => delete m.engines, 'engines'],
    [
      'an engines range that is not semver',
      (m) => (m.engines.repertoire = 'latest'),
      'engines.repertoire',
    ],
    ['a main that is not a module', (m) => (m.main = 'index.py'), 'main'],
    [
      'an unknown activation event',
      (m) => (m.activationEvents = ['onBoot']),
      'activationEvents[0]',
    ],
    ['an unknown permission', (m) => (m.permissions = ['root']), 'permissions[0]'],
    ['an unknown top-level field', (m) => (m.colour = 'red'), '(manifest)'],
    ['an unknown contribution point', (m) => (m.contributes.themes = []), 'contributes'],
    [
      'a command without a title',
      (m) => delete m.contributes.commands[0].title,
      'contributes.commands[0].title',
    ],
    [
      'a command id without a dot',
      (m) => (m.contributes.commands[0].id = 'add'),
      'contributes.commands[0].id',
    ],
    [
      'a view in an unknown place',
      (m) => (m.contributes.views[0].location = 'toolbar'),
      'contributes.views[0].location',
    ],
    [
      'an entity kind with a bad colour',
      (m) => (m.contributes.entityKinds[0].colour = '#zz'),
      'contributes.entityKinds[0].colour',
    ],
    [
      'an entity kind opened by a command the plugin does not contribute',
      (m) => (m.contributes.entityKinds[0].openCommand = 'community.nowhere'),
      'contributes.entityKinds[0].openCommand',
    ],
    [
      'a field with an unknown type',
      (m) => (m.contributes.entityKinds[0].fields[0].type = 'blob'),
      'contributes.entityKinds[0].fields[0].type',
    ],
    [
      'a relation kind with no target kinds',
      (m) => (m.contributes.relationKinds[0].to = []),
      'contributes.relationKinds[0].to',
    ],
    [
      'a boolean setting with a string default',
      (m) => (m.contributes.settings[0].default = 'yes'),
      'contributes.settings[0].default',
    ],
    [
      'a graph style naming both kind and relation',
      (m) => (m.contributes.graphStyles[0].relation = 'mentors'),
      'contributes.graphStyles[0]',
    ],
    [
      'a keybinding that is not a chord',
      (m) => (m.contributes.keybindings[0].key = 'ctrl + m'),
      'contributes.keybindings[0].key',
    ],
    [
      'a menu naming a command that is not contributed',
      (m) => (m.contributes.menus.commandPalette[0].command = 'community.nope'),
      'contributes.menus.commandPalette[0].command',
    ],
    [
      'a keybinding naming a command that is not contributed',
      (m) => (m.contributes.keybindings[0].command = 'x.y'),
      'contributes.keybindings[0].command',
    ],
    [
      'an onCommand event for a command that is not contributed',
      (m) => (m.activationEvents = ['onCommand:x.y']),
      'activationEvents[0]',
    ],
    [
      'an onView event for a view that is not contributed',
      (m) => (m.activationEvents = ['onView:x.y']),
      'activationEvents[0]',
    ],
    [
      'a duplicate command',
      (m) => m.contributes.commands.push(m.contributes.commands[0]),
      'contributes.commands[1].id',
    ],
    [
      'a network origin with a path',
      (m) => {
        m.permissions.push('network');
        m.networkOrigins = ['https://api.example.org/v1'];
      },
      'networkOrigins[0]',
    ],
    [
      'a wildcard network origin',
      (m) => {
        m.permissions.push('network');
        m.networkOrigins = ['https://*.example.org'];
      },
      'networkOrigins[0]',
    ],
    [
      'network origins without the network permission',
      (m) => (m.networkOrigins = ['https://api.example.org']),
      'networkOrigins',
    ],
    [
      'a plugin depending on itself',
      (m) => (m.dependencies = ['repertoire.community']),
      'dependencies',
    ],
  ] as [string, (m: Draft) => void, string][])('refuses %s, naming the field', (_, edit, field) => {
    expect(fieldsOf(bad(edit))).toContain(field);
  });

  it('accepts declared network origins with the network permission', () => {
    const result = parseManifest({
      ...good,
      permissions: ['graph.read', 'network'],
      networkOrigins: [
        'https://api.example.org',
        'wss://live.example.org:8443',
        'http://127.0.0.1:4000',
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.manifest.networkOrigins).toHaveLength(3);
    const none = parseManifest(good);
    expect(none.ok && none.manifest.networkOrigins).toEqual([]);
  });

  it('reports every error at once', () => {
    const fields = fieldsOf(
      bad((m) => {
        m.id = 'x';
        m.version = 'v1';
        m.contributes.commands[0].title = '';
      }),
    );
    expect(fields).toEqual(
      expect.arrayContaining(['id', 'version', 'contributes.commands[0].title']),
    );
  });

  it('reads the manifest from a package.json and prefixes fields with repertoire', () => {
    expect(parsePluginPackage({ name: 'x', repertoire: good }).ok).toBe(true);
    const missing = parsePluginPackage({ name: 'x' });
    expect(missing.ok || missing.errors[0]?.field).toBe('repertoire');
    const wrong = parsePluginPackage({ repertoire: { ...good, version: 'x' } });
    expect(wrong.ok || wrong.errors.map((e) => e.field)).toEqual(['repertoire.version']);
  });

  it('formats errors so a person can fix them', () => {
    const result = parseManifest(bad((m) => (m.main = 'index.py')));
    if (result.ok) throw new Error('expected refusal');
    expect(formatManifestErrors('acme.x', result.errors)).toMatch(/acme\.x.*\n {2}main: /);
  });
});
