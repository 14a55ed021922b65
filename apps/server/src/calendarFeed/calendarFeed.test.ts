// The calendar feed over real HTTP: a real server (SQLite in a temp dir) with the feed routes, a
// real account and workspace, meetings written into the real graph document; a calendar app's
// request carries no session, only the signed link.
import { Workspace } from '@repertoire/core';
import { createRepertoireServer, type RepertoireServer, readServerKinds } from '@repertoire/server';
import { type TempDir, tempDir } from '@repertoire/testing';
import ICAL from 'ical.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGINS_DIR } from '../paths.ts';
import { calendarFeedRoutes } from './calendarFeedRoutes.ts';

interface Client {
  cookie: string;
  userId: string;
}

const servers: { server: RepertoireServer; dir: TempDir }[] = [];

async function start(lifetimeMs?: number) {
  const dir = await tempDir('repertoire-feed-');
  const server = await createRepertoireServer({
    dataDir: dir.path,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    builtinPluginsDir: PLUGINS_DIR,
    routes: [calendarFeedRoutes(lifetimeMs === undefined ? {} : { lifetimeMs })],
  });
  const port = await server.listen();
  servers.push({ server, dir });
  return { server, base: `http://127.0.0.1:${port}` };
}

async function call(
  base: string,
  method: string,
  path: string,
  options: { client?: Client; body?: unknown } = {},
) {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.client ? { cookie: options.client.cookie } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { response, text };
}

async function signUp(base: string, name: string): Promise<Client> {
  const { response, text } = await call(base, 'POST', '/api/auth/sign-up', {
    body: { email: `${name.toLowerCase()}@example.org`, password: 'correct horse', name },
  });
  expect(response.status).toBe(201);
  return {
    cookie: (response.headers.get('set-cookie') as string).split(';')[0] as string,
    userId: JSON.parse(text).user.id,
  };
}

/** Writes the community and two meetings into the workspace's graph, on the server's side. */
async function writeMeetings(server: RepertoireServer, workspaceId: string, userId: string) {
  const connection = await server.openDocument(`${workspaceId}/graph`);
  try {
    await connection.transact((doc) => {
      const ws = new Workspace(doc, { user: userId });
      const kinds = readServerKinds([PLUGINS_DIR]);
      for (const k of kinds.entityKinds()) ws.registerEntityKind(k);
      for (const r of kinds.relationKinds()) if (r.type !== 'mentions') ws.registerRelationKind(r);
      ws.createEntity({
        id: 'community',
        kind: 'community',
        title: 'Maths circle',
        fields: { meetingTime: '16:00', durationMinutes: 90 },
      });
      ws.createEntity({
        id: 'm1',
        kind: 'meeting',
        title: 'Term 1: meeting 1',
        fields: { date: '2099-01-27', agenda: 'Welcome' },
      });
      ws.createEntity({
        id: 'm2',
        kind: 'meeting',
        title: 'Term 1: meeting 2',
        fields: { date: '2099-02-10' },
      });
    });
  } finally {
    await connection.disconnect();
  }
}

afterAll(async () => {
  for (const { server, dir } of servers) {
    await server.close();
    await dir.dispose();
  }
});

let base: string;
let owner: Client;
let viewer: Client;
let workspaceId: string;

beforeAll(async () => {
  const started = await start();
  base = started.base;
  owner = await signUp(base, 'Olive');
  viewer = await signUp(base, 'Vic');
  workspaceId = JSON.parse(
    (await call(base, 'POST', '/api/workspaces', { client: owner, body: { name: 'Maths circle' } }))
      .text,
  ).workspace.id;
  const invitation = JSON.parse(
    (
      await call(base, 'POST', `/api/workspaces/${workspaceId}/invitations`, {
        client: owner,
        body: { role: 'viewer' },
      })
    ).text,
  ).invitation;
  await call(base, 'POST', `/api/invitations/${invitation.token}/accept`, { client: viewer });
  await writeMeetings(started.server, workspaceId, owner.userId);
});

const feedPath = (url: string) => new URL(url).pathname;

describe('calendar feed links', () => {
  it('serve the meetings as iCalendar to a request with no session', async () => {
    const made = await call(base, 'POST', `/api/workspaces/${workspaceId}/calendar-feeds`, {
      client: viewer,
    });
    expect(made.response.status).toBe(201);
    const { feed } = JSON.parse(made.text);
    expect(feed.url).toMatch(/\/api\/calendar-feed\/[\w-]+\.[\w-]+\.[\w-]+\.ics$/);
    const served = await call(base, 'GET', feedPath(feed.url));
    expect(served.response.status).toBe(200);
    expect(served.response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(served.text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Maths circle');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.duration.toSeconds()])).toEqual([
      ['Term 1: meeting 1', '2099-01-27T16:00:00', 90 * 60],
      ['Term 1: meeting 2', '2099-02-10T16:00:00', 90 * 60],
    ]);
    expect(events[0]?.uid).toBe(`m1@${workspaceId}.repertoire`);
    // The member sees their link listed, without its URL (it is shown once).
    const listed = JSON.parse(
      (await call(base, 'GET', `/api/workspaces/${workspaceId}/calendar-feeds`, { client: viewer }))
        .text,
    ).feeds;
    expect(listed).toEqual([{ id: feed.id, createdAt: feed.createdAt, expiresAt: feed.expiresAt }]);
  });

  it('stop working once revoked, and only their member can revoke them', async () => {
    const { feed } = JSON.parse(
      (
        await call(base, 'POST', `/api/workspaces/${workspaceId}/calendar-feeds`, {
          client: viewer,
        })
      ).text,
    );
    expect((await call(base, 'GET', feedPath(feed.url))).response.status).toBe(200);
    const someoneElse = await call(
      base,
      'DELETE',
      `/api/workspaces/${workspaceId}/calendar-feeds/${feed.id}`,
      { client: owner },
    );
    expect(someoneElse.response.status).toBe(404);
    expect((await call(base, 'GET', feedPath(feed.url))).response.status).toBe(200);
    const revoked = await call(
      base,
      'DELETE',
      `/api/workspaces/${workspaceId}/calendar-feeds/${feed.id}`,
      { client: viewer },
    );
    expect(revoked.response.status).toBe(200);
    const refused = await call(base, 'GET', feedPath(feed.url));
    expect(refused.response.status).toBe(403);
    expect(JSON.parse(refused.text).error.message).toMatch(/not valid: it was revoked/);
    expect(refused.text).not.toContain('BEGIN:VCALENDAR');
  });

  it('refuse a forged or tampered token', async () => {
    const { feed } = JSON.parse(
      (await call(base, 'POST', `/api/workspaces/${workspaceId}/calendar-feeds`, { client: owner }))
        .text,
    );
    const token = feedPath(feed.url)
      .split('/')
      .at(-1)
      ?.replace(/\.ics$/, '') as string;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    // Someone else's workspace in the claims, the original signature kept.
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: viewer.userId })).toString(
      'base64url',
    );
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [
      `${header}.${forgedPayload}.${signature}`,
      `${header}.${payload}.${flipped}`,
      'not-a-token',
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
    ]) {
      const refused = await call(base, 'GET', `/api/calendar-feed/${bad}.ics`);
      expect(refused.response.status).toBe(403);
      expect(refused.text).not.toContain('BEGIN:VCALENDAR');
    }
  });

  it('stop working for a member who left the workspace', async () => {
    const leaver = await signUp(base, 'Lee');
    const invitation = JSON.parse(
      (
        await call(base, 'POST', `/api/workspaces/${workspaceId}/invitations`, {
          client: owner,
          body: { role: 'viewer' },
        })
      ).text,
    ).invitation;
    await call(base, 'POST', `/api/invitations/${invitation.token}/accept`, { client: leaver });
    const { feed } = JSON.parse(
      (
        await call(base, 'POST', `/api/workspaces/${workspaceId}/calendar-feeds`, {
          client: leaver,
        })
      ).text,
    );
    expect((await call(base, 'GET', feedPath(feed.url))).response.status).toBe(200);
    const removed = await call(
      base,
      'DELETE',
      `/api/workspaces/${workspaceId}/members/${leaver.userId}`,
      { client: owner },
    );
    expect(removed.response.status).toBeLessThan(300);
    expect((await call(base, 'GET', feedPath(feed.url))).response.status).toBe(403);
  });

  it('refuse an expired link', async () => {
    // Links that expire a minute before they are made: the clock needs no waiting.
    const expiring = await start(-60_000);
    const olive = await signUp(expiring.base, 'Olive');
    const ws = JSON.parse(
      (
        await call(expiring.base, 'POST', '/api/workspaces', {
          client: olive,
          body: { name: 'Expiring' },
        })
      ).text,
    ).workspace.id;
    const { feed } = JSON.parse(
      (await call(expiring.base, 'POST', `/api/workspaces/${ws}/calendar-feeds`, { client: olive }))
        .text,
    );
    const refused = await call(expiring.base, 'GET', feedPath(feed.url));
    expect(refused.response.status).toBe(403);
    expect(JSON.parse(refused.text).error.message).toMatch(/has expired/);
  });

  it('are made only by members, and need a session', async () => {
    const stranger = await signUp(base, 'Stan');
    expect(
      (
        await call(base, 'POST', `/api/workspaces/${workspaceId}/calendar-feeds`, {
          client: stranger,
        })
      ).response.status,
    ).toBe(403);
    expect(
      (await call(base, 'POST', `/api/workspaces/${workspaceId}/calendar-feeds`)).response.status,
    ).toBe(401);
  });
});
