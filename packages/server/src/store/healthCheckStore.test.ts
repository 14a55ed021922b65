import { roundQuestions } from '@repertoire/schema';
import { type PostgresServer, startPostgres, type TempDir, tempDir } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { HealthCheckStore } from './healthCheckStore.ts';
import { openPostgres } from './postgres/openPostgres.ts';
import type { SqlDatabase } from './sqlDatabase.ts';
import { WorkspaceStore } from './workspaceStore.ts';

const scores = (n: number) => ({
  jointEnterprise: n,
  mutualEngagement: n,
  sharedRepertoire: n,
  negotiationOfMeaning: n,
  participation: n,
  identity: n,
});

let dir: TempDir;
let postgres: PostgresServer;
beforeAll(async () => {
  dir = await tempDir('repertoire-health-store-');
  // startPostgres gives up on pg_isready's "starting up" answer; retry on a busy machine.
  for (let i = 0; ; i++) {
    try {
      postgres = await startPostgres();
      return;
    } catch (error) {
      if (i >= 2) throw error;
    }
  }
}, 90_000);
afterAll(async () => {
  await postgres?.stop();
  await dir?.dispose();
});

describe.each([
  ['SQLite', (): Promise<SqlDatabase> => openDatabase(dir.path)],
  ['PostgreSQL', (): Promise<SqlDatabase> => openPostgres(postgres.url)],
])('the health-check store on %s', (_, open) => {
  it('keeps rounds and one answer per account, replaced on change, until the round closes', async () => {
    const db = await open();
    try {
      const workspace = (await new WorkspaceStore(db).create('Leaders', null)).id;
      const store = new HealthCheckStore(db);
      const round = await store.open({
        workspaceId: workspace,
        title: 'Term 2 check',
        questions: roundQuestions({ identity: 'Who are we?' }),
        threshold: 3,
        openedBy: 'u_fran',
        at: '2025-05-01T10:00:00.000Z',
      });
      expect(round).toMatchObject({
        title: 'Term 2 check',
        threshold: 3,
        closedAt: null,
        invited: null,
      });
      expect(round.questions.identity).toBe('Who are we?');
      const who = { userId: 'u_pat', memberId: 'm-pat' };
      await store.answer(workspace, round.id, who, { scores: scores(2), shareComments: false });
      await store.answer(
        workspace,
        round.id,
        who,
        { scores: scores(4), comments: { participation: 'More, please' }, shareComments: true },
        '2025-05-02T10:00:00.000Z',
      );
      await store.answer(
        workspace,
        round.id,
        { userId: 'u_quinn', memberId: null },
        {
          scores: scores(3),
          shareComments: false,
        },
      );
      expect(
        (await store.answers(round.id)).map((a) => [a.userId, a.scores.identity, a.shareComments]),
      ).toEqual([
        ['u_pat', 4, true],
        ['u_quinn', 3, false],
      ]);
      expect(await store.answerBy(round.id, 'u_pat')).toMatchObject({
        memberId: 'm-pat',
        comments: { participation: 'More, please' },
        updatedAt: '2025-05-02T10:00:00.000Z',
      });
      await store.withdraw(workspace, round.id, 'u_quinn');
      expect(await store.answerBy(round.id, 'u_quinn')).toBeUndefined();

      const closed = await store.close(
        workspace,
        round.id,
        'u_fran',
        7,
        '2025-05-15T10:00:00.000Z',
      );
      expect(closed).toMatchObject({ closedBy: 'u_fran', invited: 7 });
      await expect(
        store.answer(workspace, round.id, who, { scores: scores(1), shareComments: false }),
      ).rejects.toThrow(/closed/);
      await expect(store.withdraw(workspace, round.id, 'u_pat')).rejects.toThrow(/closed/);
      await expect(store.close(workspace, round.id, 'u_fran', 7)).rejects.toThrow(/already closed/);
      expect((await store.answerBy(round.id, 'u_pat'))?.scores.identity).toBe(4);
      // A round belongs to its workspace: another workspace cannot reach it.
      const other = (await new WorkspaceStore(db).create('Others', null)).id;
      expect(await store.round(other, round.id)).toBeUndefined();
      await expect(
        store.answer(other, round.id, who, { scores: scores(1), shareComments: false }),
      ).rejects.toThrow(/no such health-check round/);
      expect((await store.rounds(workspace)).map((r) => r.id)).toEqual([round.id]);
    } finally {
      await db.close();
    }
  });
});
