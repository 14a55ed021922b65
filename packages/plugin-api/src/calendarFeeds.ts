/** A calendar feed link of the member using this window. */
export interface CalendarFeedInfo {
  /** The feed's id: revoke it by this. */
  readonly id: string;
  /**
   * The URL a calendar app subscribes to (`https://…/api/calendar-feed/<token>`): it carries a
   * token the server signed, so it works without signing in. Given only when the link is made;
   * the server keeps no copy, so a lost link is revoked and made again.
   */
  readonly url?: string;
  /** When it was made (ISO 8601). */
  readonly createdAt: string;
  /** When it stops working (ISO 8601). */
  readonly expiresAt: string;
}

/**
 * Links members put into their calendar apps (Google Calendar, Outlook, Apple Calendar) so the
 * community's meetings appear there and follow every change. The server serves the feed
 * (iCalendar) to whoever holds a link, until it expires or is revoked, and only while its member
 * still belongs to the workspace. Every call needs `graph.read` (a feed shows what the graph
 * holds); each member makes and revokes only their own links.
 */
export interface CalendarFeedsApi {
  /** Makes a new link for this window's member. */
  create(): Promise<CalendarFeedInfo>;
  /** This member's links that still work, newest first (without their URLs). */
  list(): Promise<CalendarFeedInfo[]>;
  /** Revokes one of this member's links: a calendar app using it gets nothing more. */
  revoke(id: string): Promise<void>;
}
