import type { EntityKindDefinition, RelationKindDefinition } from '@repertoire/schema';
import { createGraphDoc } from './graphDoc.ts';
import { Workspace, type WorkspaceOptions } from './workspace.ts';

// Kinds shaped like the built-in plugins' ones, for this package's tests only (not exported).

export const memberKind: EntityKindDefinition = {
  kind: 'member',
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'person',
  colour: '#2a6f97',
  fields: [
    {
      name: 'role',
      label: 'Role',
      type: 'enum',
      options: ['coordinator', 'facilitator', 'member', 'sponsor', 'guest'],
    },
    { name: 'expertise', label: 'Expertise', type: 'stringList' },
    { name: 'joined', label: 'Joined', type: 'date' },
  ],
};

export const practiceKind: EntityKindDefinition = {
  kind: 'practice',
  label: 'Practice',
  pluralLabel: 'Practices',
  icon: 'lightbulb',
  colour: '#e09f3e',
  fields: [
    {
      name: 'status',
      label: 'Status',
      type: 'enum',
      options: ['emerging', 'established'],
      required: true,
    },
    { name: 'summary', label: 'Summary', type: 'text' },
    { name: 'steward', label: 'Steward', type: 'entityRef', refKinds: ['member'] },
    { name: 'uses', label: 'Uses', type: 'number', min: 0 },
  ],
};

export const artifactKind: EntityKindDefinition = {
  kind: 'artifact',
  label: 'Artifact',
  pluralLabel: 'Artifacts',
  icon: 'file',
  colour: '#9e2a2b',
  fields: [{ name: 'url', label: 'Link', type: 'string' }],
};

export const relationKinds: RelationKindDefinition[] = [
  { type: 'practises', label: 'practises', from: ['member'], to: ['practice'] },
  { type: 'mentors', label: 'mentors', from: ['member'], to: ['member'] },
  { type: 'documents', label: 'documents', from: ['artifact'], to: ['practice'] },
  { type: 'contributes', label: 'contributes to', from: ['member'], to: ['artifact'] },
];

/** A workspace on a fresh graph doc with the test kinds registered. */
export function testWorkspace(options: Partial<WorkspaceOptions> = {}): Workspace {
  const ws = new Workspace(options.id ? createGraphDoc(options.id) : createGraphDoc(), {
    user: 'ada',
    now: () => 1_000,
    ...options,
  });
  registerTestKinds(ws);
  return ws;
}

/** Registers the test kinds on `ws`. */
export function registerTestKinds(ws: Workspace): void {
  for (const k of [memberKind, practiceKind, artifactKind]) ws.registerEntityKind(k);
  for (const r of relationKinds) ws.registerRelationKind(r);
}
