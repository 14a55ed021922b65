// Fixtures for tests of the layers that read kind definitions (schema, core, server); not part of
// the public API (`src/index.ts`), reached as `@repertoire/schema/testing` by tests only.
import type { EntityKindDefinition } from '../entityKind.ts';
import type { KindMigration } from '../kindMigration.ts';
import type { RelationKindDefinition } from '../relationKind.ts';

/**
 * A member kind whose plugin changed its fields twice:
 * v1 had `position` (lead | member) and `nickname`;
 * v2 renamed `position` to `role`, and its option 'lead' to 'coordinator';
 * v3 dropped `nickname` and added the required `joined` (missing ones become 2024-01-01).
 */
export const versionedMemberKind: EntityKindDefinition & {
  version: number;
  migrations: KindMigration[];
} = {
  kind: 'member',
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'user',
  colour: '#333333',
  fields: [
    { name: 'role', label: 'Role', type: 'enum', options: ['coordinator', 'member'] },
    { name: 'email', label: 'Email', type: 'string' },
    { name: 'joined', label: 'Joined', type: 'date', required: true },
  ],
  version: 3,
  migrations: [
    {
      version: 2,
      steps: [
        { rename: { from: 'position', to: 'role' } },
        { mapValues: { field: 'role', values: { lead: 'coordinator' } } },
      ],
    },
    {
      version: 3,
      steps: [{ remove: 'nickname' }, { default: { field: 'joined', value: '2024-01-01' } }],
    },
  ],
};

/**
 * A relation kind whose plugin changed its attributes once, at version 2: `since` became
 * `started`, the `level` 'junior' became 'beginner', and `active` (true when absent) was added.
 */
export const versionedMentorsKind: RelationKindDefinition & {
  version: number;
  migrations: KindMigration[];
} = {
  type: 'mentors',
  label: 'mentors',
  from: ['member'],
  to: ['member'],
  version: 2,
  migrations: [
    {
      version: 2,
      steps: [
        { rename: { from: 'since', to: 'started' } },
        { mapValues: { field: 'level', values: { junior: 'beginner' } } },
        { default: { field: 'active', value: true } },
      ],
    },
  ],
};
