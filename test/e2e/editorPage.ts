// Builds the editor's test page with Vite, serves it over HTTP, and runs a real Hocuspocus server
// beside it: what the editor e2e tests drive. With `repertoire`, the real Repertoire server runs
// too (the CLI over SQLite, production limits, the sample community), with two signed-in members
// whose sync tokens the page asks for: what the editor benchmark measures.
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { serveBuiltPage } from '../src/builtPage.ts';
import { freePort } from '../src/ports.ts';
import { type RepertoireServerProcess, startRepertoireServer } from './repertoireServer.ts';
import { DEMO } from './signedIn.ts';

/** The Repertoire server as the editor page's sync server, with two members of one workspace. */
export interface RepertoireSync {
  /** The sample community's workspace. */
  readonly workspaceId: string;
  /** `ws://…/sync/<workspaceId>`, as the web app connects. */
  readonly wsUrl: string;
  /** A fresh sync token: `owner` is the demo account, `editor` an account invited as editor. */
  token(member: 'owner' | 'editor'): Promise<string>;
}

/** The built page and the sync server it talks to, on loopback. */
export interface EditorStage {
  /** The page URL for one member, e.g. `stage.pageUrl({ member: 'm-ada', name: 'Ada' })`. */
  pageUrl(params: Record<string, string>): string;
  /** The plain Hocuspocus server's URL (the page's default `ws`). */
  readonly wsUrl: string;
  /** Set when started with `repertoire: true`. */
  readonly repertoire?: RepertoireSync;
  close(): Promise<void>;
}

/** POSTs JSON as a member (by session cookie); returns the body and any new session cookie. */
async function call(
  url: string,
  path: string,
  body: unknown,
  cookie?: string,
): Promise<{ body: Record<string, unknown>; cookie: string | undefined }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: url,
      ...(cookie ? { cookie: `repertoire_session=${cookie}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  const set = response.headers.getSetCookie().find((c) => c.startsWith('repertoire_session='));
  return {
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    cookie: set?.split(';')[0]?.split('=')[1],
  };
}

/** Signs the demo owner in, signs an editor up and invites them into the sample community. */
async function repertoireMembers(server: RepertoireServerProcess): Promise<RepertoireSync> {
  const owner = (await call(server.url, '/api/auth/sign-in', DEMO)).cookie as string;
  const list = await fetch(`${server.url}/api/workspaces`, {
    headers: { cookie: `repertoire_session=${owner}` },
  });
  const { workspaces } = (await list.json()) as { workspaces: { id: string }[] };
  const workspaceId = workspaces[0]?.id;
  if (!workspaceId) throw new Error('the sample community has no workspace');
  const editor = (
    await call(server.url, '/api/auth/sign-up', {
      email: 'bo@bench.local',
      password: 'practice-makes-progress',
      name: 'Bo',
    })
  ).cookie as string;
  const { invitation } = (
    await call(server.url, `/api/workspaces/${workspaceId}/invitations`, { role: 'editor' }, owner)
  ).body as { invitation: { token: string } };
  await call(server.url, `/api/invitations/${invitation.token}/accept`, {}, editor);
  const cookies = { owner, editor };
  return {
    workspaceId,
    wsUrl: `${server.url.replace('http:', 'ws:')}/sync/${workspaceId}`,
    token: async (member) =>
      (await call(server.url, '/api/sync-token', {}, cookies[member])).body.token as string,
  };
}

/** Builds test/e2e/editor-page and starts a Hocuspocus server (and the Repertoire server) for it. */
export async function startEditorStage(
  options: { repertoire?: boolean } = {},
): Promise<EditorStage> {
  const page = await serveBuiltPage({
    root: join(import.meta.dirname, 'editor-page'),
    minify: true,
  });
  const wsPort = await freePort();
  const hocuspocus = new Server({
    port: wsPort,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
  });
  await hocuspocus.listen();
  const wsUrl = `ws://127.0.0.1:${wsPort}`;
  let server: RepertoireServerProcess | undefined;
  const close = async () => {
    await page.close();
    await hocuspocus.destroy();
    await server?.close();
  };
  let repertoire: RepertoireSync | undefined;
  if (options.repertoire) {
    try {
      server = await startRepertoireServer({ sample: true });
      repertoire = await repertoireMembers(server);
    } catch (error) {
      await close();
      throw error;
    }
  }
  return {
    wsUrl,
    ...(repertoire ? { repertoire } : {}),
    pageUrl: (params) => `${page.url}?${new URLSearchParams({ ws: wsUrl, ...params })}`,
    close,
  };
}
