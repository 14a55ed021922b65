/** How an entity reference was typed: `@` for a member, `[[` for any entity. */
export type MentionTrigger = 'mention' | 'link';
