// `repertoire serve --sample` in its own process, and a fresh client that signs in as the demo
// member and syncs the sample's documents over the real WebSocket.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { countWords, mentionsInYDoc, readDocumentText } from '@repertoire/editor/headless';
import { type TempDir, tempDir } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { DEMO_ACCOUNT } from './sample.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

let data: TempDir;
let serve: ChildProcess;
let base = '';
let cookie = '';

/** The fields of the API's answers this test reads. */
interface ApiBody {
  token?: string;
  rounds?: {
    title: string;
    status: string;
    openedAt: string;
    closedAt: string;
    results: { responses: number; invited: number; elements: { id: string; mean: number }[] };
  }[];
  workspaces?: { id: string; name: string }[];
}

async function api(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: ApiBody }> {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0] as string;
  return { status: response.status, body: (await response.json()) as ApiBody };
}

/** Syncs one document as a fresh client would, and returns its content once synced. */
async function sync(name: string): Promise<Y.Doc> {
  const { body } = await api('POST', '/api/sync-token');
  const doc = new Y.Doc();
  await new Promise<void>((resolve, reject) => {
    const provider = new HocuspocusProvider({
      url: `${base.replace('http', 'ws')}/sync`,
      name,
      document: doc,
      token: body.token as string,
      WebSocketPolyfill: WebSocket,
      onSynced: () => {
        provider.destroy();
        resolve();
      },
      onAuthenticationFailed: ({ reason }: { reason: string }) => {
        provider.destroy();
        reject(new Error(reason));
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  });
  return doc;
}

beforeAll(async () => {
  data = await tempDir('repertoire-sample-');
  serve = spawn(
    process.execPath,
    [MAIN, 'serve', '--sample', '--data', data.path, '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  let out = '';
  let err = '';
  serve.stderr?.on('data', (chunk) => {
    err += String(chunk);
  });
  base = await new Promise<string>((resolve, reject) => {
    serve.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const port = /running at http:\/\/localhost:(\d+)/.exec(out)?.[1];
      // The start output ends with what the sample made; wait for that whole line.
      if (port && /\d+ documents\)\n/.test(out)) resolve(`http://127.0.0.1:${port}`);
    });
    serve.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}${err}`)));
  });
  expect(out).toContain('Sample community created');
  expect((await api('POST', '/api/auth/sign-in', DEMO_ACCOUNT)).status).toBe(200);
}, 120_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  }
  await data?.dispose();
});

describe('serve --sample', () => {
  it('a fresh client syncs a meeting’s notes and sees the committee’s words and mentions', async () => {
    const { body } = await api('GET', '/api/workspaces');
    const workspaces = body.workspaces ?? [];
    const sample = workspaces.find((w) => w.name === 'Sample community');
    expect(sample).toBeDefined();
    const notes = await sync(`${sample?.id}/doc/sample-meeting-1`);
    const text = readDocumentText(notes);
    expect(text).toContain('Why are we here?');
    expect(text).toContain('@Priya Raman');
    expect(countWords(text)).toBeGreaterThan(100);
    expect(mentionsInYDoc(notes).map((t) => t.entityId)).toContain('sample-member-priya');
  });

  it('stores the artifacts’ documents too, the LMS comparison as a table', async () => {
    const { body } = await api('GET', '/api/workspaces');
    const workspaces = body.workspaces ?? [];
    const id = workspaces.find((w) => w.name === 'Sample community')?.id;
    const matrix = await sync(`${id}/doc/sample-artifact-lmsmatrix`);
    expect(readDocumentText(matrix)).toContain('Google Classroom');
    expect(matrix.get('root-v2', Y.XmlElement).toString()).toContain('<table');
    const graph = await sync(`${id}/graph`);
    // Relations derived from a document carry its id: the first meeting's notes' mentions.
    const relations = [...graph.getMap<{ doc?: string }>('relations').values()];
    expect(relations.filter((r) => r.doc === 'sample-meeting-1').length).toBe(
      mentionsInYDoc(await sync(`${id}/doc/sample-meeting-1`)).length,
    );
    expect(relations.filter((r) => r.doc === 'sample-meeting-1').length).toBeGreaterThan(3);
  });

  it('has two closed health-check rounds with different results, kept out of the graph', async () => {
    const { body } = await api('GET', '/api/workspaces');
    const id = (body.workspaces ?? []).find((w) => w.name === 'Sample community')?.id;
    const rounds = (await api('GET', `/api/workspaces/${id}/health-checks`)).body.rounds ?? [];
    expect(rounds.map((r) => [r.title, r.status, r.results.responses, r.results.invited])).toEqual([
      ['Term 1 check', 'closed', 7, 8],
      ['Term 3 check', 'closed', 8, 9],
    ]);
    const mean = (round: number, element: string) =>
      rounds[round]?.results.elements.find((e) => e.id === element)?.mean;
    // The repertoire grew over the year while participation thinned.
    expect(mean(0, 'sharedRepertoire')).toBe(2);
    expect(mean(1, 'sharedRepertoire')).toBe(4);
    expect(mean(1, 'participation')).toBeLessThan(mean(0, 'participation') as number);
    const graph = await sync(`${id}/graph`);
    expect(JSON.stringify(graph.toJSON())).not.toContain('Term 1 check');
  });

  it('is dated so its last meeting was this week, every meeting still a Wednesday', async () => {
    const { body } = await api('GET', '/api/workspaces');
    const id = (body.workspaces ?? []).find((w) => w.name === 'Sample community')?.id;
    const graph = await sync(`${id}/graph`);
    const meetingDays = [...graph.getMap<Y.Map<unknown>>('entities').values()]
      .filter((e) => e.get('kind') === 'meeting')
      .map((e) => e.get('f:date') as string)
      .sort();
    expect(meetingDays).toHaveLength(21);
    const last = Date.parse(`${meetingDays.at(-1)}T15:30:00Z`);
    expect(Date.now() - last).toBeGreaterThanOrEqual(0);
    expect(Date.now() - last).toBeLessThan(7 * 86_400_000);
    for (const day of meetingDays) expect(new Date(`${day}T12:00:00Z`).getUTCDay()).toBe(3);
    // The health checks moved with it: the last round closed before now, in the moved year.
    const rounds = (await api('GET', `/api/workspaces/${id}/health-checks`)).body.rounds ?? [];
    for (const round of rounds) expect(Date.parse(round.closedAt)).toBeLessThan(Date.now());
    expect(Date.parse(rounds[0]?.openedAt ?? '')).toBeGreaterThan(Date.parse(`${meetingDays[0]}`));
  });
});
