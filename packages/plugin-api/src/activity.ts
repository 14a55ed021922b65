/**
 * One account's coalesced edits to one document, as the server recorded them from the
 * authenticated connection (never from what a client claims).
 */
export interface ActivityRecordInfo {
  /** The account that made the edits. */
  readonly userId: string;
  /** The member entity that account is linked to, when it is linked to one. */
  readonly memberId: string | null;
  /** The entity whose co-edited document was changed; null for the graph itself. */
  readonly entityId: string | null;
  /** The sync document's name, `<workspace>/doc/<id>` or `<workspace>/graph`. */
  readonly documentName: string;
  /** The first edit of the record (ISO 8601). */
  readonly from: string;
  /** The last edit of the record (ISO 8601). */
  readonly to: string;
  /** How many updates it coalesces. */
  readonly updates: number;
}

/**
 * Whose activity this window may read: `all` for workspace owners and for members whose member
 * entity is a coordinator or facilitator, `own` for everyone else. The server decides.
 */
export type ActivityAccess = 'all' | 'own';

/** Which records to return. */
export interface ActivityQuery {
  /** Records ending at or after this time (ISO 8601). */
  since?: string;
  /** Records starting at or before this time (ISO 8601). */
  until?: string;
}

/**
 * Accounts as members, and who did what: the server's activity records, for participation and
 * network analyses. Every call needs the `activity.read` permission. The server hands out
 * records only to those allowed ({@link ActivityAccess}); anything a plugin derives from them
 * must stay out of the shared graph.
 */
export interface ActivityApi {
  /**
   * The member entity of the account using this window: the one it was linked to (joined as,
   * matched by email, or claimed with {@link ActivityApi.claimMember}), or undefined.
   */
  member(): Promise<string | undefined>;
  /**
   * "This is me": links the account using this window to a member entity. Rejects when the
   * entity is not a member or another account already is that member.
   */
  claimMember(memberId: string): Promise<void>;
  /** Whose records {@link ActivityApi.records} returns to this window. */
  access(): Promise<ActivityAccess>;
  /** Activity records, newest first: everyone's or only this account's, by {@link access}. */
  records(query?: ActivityQuery): Promise<ActivityRecordInfo[]>;
}
