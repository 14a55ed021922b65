import type {
  GraphSnapshotInfo,
  Invitation,
  InvitationInfo,
  InvitationPreview,
  Member,
  Role,
  User,
  WorkspaceSummary,
} from './apiTypes.ts';

/** An error answer of the server's JSON API, with the field it is about (for form messages). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Options of an `ApiClient`. */
export interface ApiClientOptions {
  /** The server's origin, e.g. `http://localhost:4321`; '' (default) means the page's own origin. */
  readonly baseUrl?: string;
  /** A fetch to use instead of the global one (e.g. one that keeps cookies in Node). */
  readonly fetch?: typeof fetch;
}

/**
 * The server's JSON API (packages/server/API.md), typed. The session is the server's httpOnly
 * cookie, so the browser keeps it; this client holds no secret of its own.
 */
export class ApiClient {
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Creates an account and signs in. */
  async signUp(input: { email: string; password: string; name: string }): Promise<User> {
    return (await this.#call<{ user: User }>('POST', '/api/auth/sign-up', input)).user;
  }

  /** Signs in with email and password. */
  async signIn(input: { email: string; password: string }): Promise<User> {
    return (await this.#call<{ user: User }>('POST', '/api/auth/sign-in', input)).user;
  }

  /** Ends the session. */
  async signOut(): Promise<void> {
    await this.#call('POST', '/api/auth/sign-out');
  }

  /**
   * Changes the password after checking the current one; every other session of the account is
   * signed out. A wrong current password is an `ApiError` with status 401 and field
   * `currentPassword`.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.#call('POST', '/api/auth/password', { currentPassword, newPassword });
  }

  /** Signs out every other session of the account (other devices); resolves with how many. */
  async signOutOtherSessions(): Promise<number> {
    return (await this.#call<{ signedOut: number }>('POST', '/api/auth/sign-out-others')).signedOut;
  }

  /** The signed-in user and their workspaces, or undefined when signed out. */
  async me(): Promise<{ user: User; workspaces: WorkspaceSummary[] } | undefined> {
    // `/api/session` answers 200 when signed out too: a 401 would be logged by the browser as an
    // error on every signed-out start.
    const answer = await this.#call<
      { user: User; workspaces: WorkspaceSummary[] } | { user: null }
    >('GET', '/api/session');
    return answer.user ? (answer as { user: User; workspaces: WorkspaceSummary[] }) : undefined;
  }

  /** The signed-in user's workspaces. */
  async workspaces(): Promise<WorkspaceSummary[]> {
    return (await this.#call<{ workspaces: WorkspaceSummary[] }>('GET', '/api/workspaces'))
      .workspaces;
  }

  /** Creates a workspace; the caller becomes its owner. */
  async createWorkspace(name: string): Promise<WorkspaceSummary> {
    return (await this.#call<{ workspace: WorkspaceSummary }>('POST', '/api/workspaces', { name }))
      .workspace;
  }

  /** The members of a workspace. */
  async members(workspaceId: string): Promise<Member[]> {
    return (
      await this.#call<{ members: Member[] }>('GET', `/api/workspaces/${enc(workspaceId)}/members`)
    ).members;
  }

  /** Changes a member's role (owners only). */
  async setRole(workspaceId: string, userId: string, role: Role): Promise<Member> {
    return (
      await this.#call<{ member: Member }>(
        'PATCH',
        `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`,
        { role },
      )
    ).member;
  }

  /** Removes a member (owners, or the member themself to leave). */
  async removeMember(workspaceId: string, userId: string): Promise<void> {
    await this.#call('DELETE', `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`);
  }

  /** Creates an invitation link (owners only). */
  async invite(
    workspaceId: string,
    input: { role: Exclude<Role, 'owner'>; expiresInHours?: number; maxUses?: number },
  ): Promise<Invitation> {
    return (
      await this.#call<{ invitation: Invitation }>(
        'POST',
        `/api/workspaces/${enc(workspaceId)}/invitations`,
        input,
      )
    ).invitation;
  }

  /** The workspace's invitation links that can still be used (owners only). */
  async invitations(workspaceId: string): Promise<InvitationInfo[]> {
    return (
      await this.#call<{ invitations: InvitationInfo[] }>(
        'GET',
        `/api/workspaces/${enc(workspaceId)}/invitations`,
      )
    ).invitations;
  }

  /** Revokes an invitation link at once: nobody can join with it any more (owners only). */
  async revokeInvitation(workspaceId: string, token: string): Promise<void> {
    await this.#call('DELETE', `/api/workspaces/${enc(workspaceId)}/invitations/${enc(token)}`);
  }

  /** What an invitation is for, before accepting it. */
  async invitation(token: string): Promise<InvitationPreview> {
    return (
      await this.#call<{ invitation: InvitationPreview }>('GET', `/api/invitations/${enc(token)}`)
    ).invitation;
  }

  /** Joins the invitation's workspace. */
  async acceptInvitation(token: string): Promise<WorkspaceSummary> {
    return (
      await this.#call<{ workspace: WorkspaceSummary }>(
        'POST',
        `/api/invitations/${enc(token)}/accept`,
      )
    ).workspace;
  }

  /** A short-lived token for the real-time connection. */
  async syncToken(): Promise<{ token: string; expiresAt: string; syncUrl: string }> {
    return this.#call('POST', '/api/sync-token');
  }

  /**
   * The workspace's graph as the server kept it at `at`: the latest snapshot taken at or before it
   * (null before the first) and the graph doc then, a base64 Yjs update (empty without snapshot).
   */
  async graphStateAt(
    workspaceId: string,
    at: Date,
  ): Promise<{ snapshot: GraphSnapshotInfo | null; update: string }> {
    return this.#call(
      'GET',
      `/api/workspaces/${enc(workspaceId)}/history/graph/state?at=${enc(at.toISOString())}`,
    );
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.#fetch(`${this.baseUrl}${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const e = (
        data as { error?: { code?: string; message?: string; field?: string } } | undefined
      )?.error;
      throw new ApiError(
        response.status,
        e?.code ?? 'http_error',
        e?.message ?? `${method} ${path} failed with ${response.status}`,
        e?.field,
      );
    }
    return data as T;
  }
}

const enc = encodeURIComponent;
