// The real Repertoire server (apps/server, SQLite in a temp dir, seeded with the sample
// community) and the graph page served in front of it, for the e2e tests where two members'
// browsers share one live graph.
import { type GraphPage, serveGraphPage } from './graphPage.ts';
import { startRepertoireServer } from './repertoireServer.ts';

/** A signed-in member: the session cookie a browser context carries. */
export interface Session {
  readonly name: string;
  readonly cookie: string;
  /** The account id: what the page stamps its changes with (the server refuses any other). */
  readonly userId: string;
}

/** The server, the page in front of it, and two members of the sample workspace. */
export interface GraphLiveStage {
  readonly serverOrigin: string;
  readonly workspaceId: string;
  /** The demo account (owner) and a second member who joined by invitation (editor). */
  readonly owner: Session;
  readonly editor: Session;
  /** The page URL showing the live graph for a member. */
  pageUrl(member: Session): string;
  /** Calls the server's JSON API as a member. */
  api<T>(member: Session, method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

async function call<T>(
  origin: string,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ value: T; cookie: string | null }> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie: `repertoire_session=${cookie}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('repertoire_session='));
  return {
    value: (text ? JSON.parse(text) : undefined) as T,
    cookie: set ? (set.split(';')[0]?.split('=')[1] ?? null) : null,
  };
}

/** Starts the server with `--sample`, signs in its demo owner and invites a second member. */
export async function startGraphLiveStage(): Promise<GraphLiveStage> {
  const server = await startRepertoireServer({ sample: true });
  const origin = server.url;
  let page: GraphPage | undefined;
  try {
    const signIn = await call<unknown>(origin, null, 'POST', '/api/auth/sign-in', {
      email: 'demo@repertoire.local',
      password: 'repertoire-demo',
    });
    const ownerCookie = signIn.cookie ?? '';
    const me = await call<{ user: { id: string }; workspaces: { id: string }[] }>(
      origin,
      ownerCookie,
      'GET',
      '/api/me',
    );
    const owner: Session = { name: 'Demo Member', cookie: ownerCookie, userId: me.value.user.id };
    const workspaceId = me.value.workspaces[0]?.id;
    if (!workspaceId) throw new Error('the sample workspace was not created');
    const signUp = await call<{ user: { id: string } }>(origin, null, 'POST', '/api/auth/sign-up', {
      email: 'bo@example.org',
      password: 'a long secret',
      name: 'Bo',
    });
    const editor: Session = {
      name: 'Bo',
      cookie: signUp.cookie ?? '',
      userId: signUp.value.user.id,
    };
    const invitation = await call<{ invitation: { token: string } }>(
      origin,
      owner.cookie,
      'POST',
      `/api/workspaces/${workspaceId}/invitations`,
      { role: 'editor' },
    );
    await call(
      origin,
      editor.cookie,
      'POST',
      `/api/invitations/${invitation.value.invitation.token}/accept`,
    );
    page = await serveGraphPage({ apiOrigin: origin });
    const served = page;
    return {
      serverOrigin: origin,
      workspaceId,
      owner,
      editor,
      pageUrl: (member) =>
        `${served.url}?${new URLSearchParams({
          live: '1',
          workspace: workspaceId,
          sync: `ws://127.0.0.1:${server.port}/sync`,
          member: member.userId,
        })}`,
      api: async (member, method, path, body) =>
        (await call<never>(origin, member.cookie, method, path, body)).value,
      async close() {
        await served.close();
        await server.close();
      },
    };
  } catch (e) {
    await page?.close();
    const output = server.output();
    await server.close();
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output}`);
  }
}
