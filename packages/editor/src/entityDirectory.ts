/** A member, practice, artifact… as the editor sees it: enough to show a chip and open it. */
export interface EntityHit {
  /** The entity's id in the workspace graph. */
  id: string;
  /** Its kind (`member`, `practice`, `artifact`…). */
  kind: string;
  /** Its current title; chips show this, so they follow renames. */
  title: string;
}

/** A kind the `[[` typeahead may offer to create ("New practice"). */
export interface CreatableKind {
  kind: string;
  /** The kind's label in the UI, e.g. "practice". */
  label: string;
}

/** Options of an {@link EntityDirectory.search}. */
export interface EntitySearchOptions {
  /** Only these kinds; all kinds when omitted. */
  kinds?: readonly string[];
  /** At most this many hits. */
  limit?: number;
}

/**
 * What the editor needs from the community's graph, defined here so that any source fits it (the
 * core's GraphIndex, a test's in-memory list): fuzzy search for the typeahead, lookup by id so
 * chips show the current title, and a change event so chips re-render on rename.
 */
export interface EntityDirectory {
  /** Fuzzy search by title, best first. */
  search(query: string, options?: EntitySearchOptions): readonly EntityHit[];
  /** The entity with this id, or undefined when it does not exist (or was deleted). */
  get(id: string): EntityHit | undefined;
  /** Fires whenever an entity is created, renamed or deleted. */
  onDidChange(listener: () => void): { dispose(): void };
  /** Kinds `[[New title]]` may create; none when omitted. */
  creatableKinds?(): readonly CreatableKind[];
  /** Creates an entity of `kind` titled `title` and returns it (for `[[New practice]]`). */
  create?(kind: string, title: string): EntityHit | Promise<EntityHit>;
  /** Opens the entity (a chip was clicked). */
  open?(id: string): void;
}

/** A member editing the document, as other members see them. */
export interface EditorMember {
  /** The member entity's id. */
  id: string;
  /** Display name shown on their cursor and in the presence list. */
  name: string;
  /** CSS colour of their cursor and selection. */
  colour: string;
}
