/**
 * The community plugin's member kind as the server's tests register it straight on the graph:
 * just the fields the server reads (the steward roles and the e-mail that links an account).
 */
export const MEMBER_KIND = {
  kind: 'member',
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'person',
  colour: '#2a6f97',
  fields: [
    {
      name: 'role',
      label: 'Role',
      type: 'enum' as const,
      options: ['coordinator', 'facilitator', 'member', 'sponsor', 'guest'],
    },
    { name: 'email', label: 'Email', type: 'string' as const },
  ],
};
