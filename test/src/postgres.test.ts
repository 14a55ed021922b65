import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { startPostgres } from './postgres.ts';

const psql = (url: string, sql: string) =>
  execFileSync('psql', [url, '-tAc', sql], { stdio: 'pipe' }).toString().trim();

it('starts a real PostgreSQL on a free port, runs SQL, and stops it', async () => {
  const pg = await startPostgres();
  expect(psql(pg.url, 'select 40 + 2')).toBe('42');
  psql(pg.url, 'create table t (x int); insert into t values (7)');
  expect(psql(pg.url, 'select sum(x) from t')).toBe('7');
  await pg.stop();
  expect(() => psql(pg.url, 'select 1')).toThrow();
});
