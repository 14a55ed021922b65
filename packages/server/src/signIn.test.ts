import { type RedisServer, startRedis } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from './testing/harness.ts';

/** One sign-in attempt, optionally through a proxy that says the client is `forwardedFor`. */
async function signIn(
  base: string,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<{ status: number; retryAfter: number | null }> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password }),
  });
  await response.text();
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, retryAfter: retryAfter === null ? null : Number(retryAfter) };
}

function count(statuses: number[], status: number): number {
  return statuses.filter((s) => s === status).length;
}

describe('the sign-in limit on one instance', { timeout: 20_000 }, () => {
  let t: TestServer;
  let member: ApiClient;
  beforeAll(async () => {
    t = await startTestServer({
      trustedProxies: ['loopback'],
      limits: { requestsPerMinute: 10_000 },
    });
    member = await ApiClient.signUp(t.base, 'Member');
  });
  afterAll(() => t.stop());

  it('150 parallel wrong guesses: only the limit of 10 are checked, the rest are refused', async () => {
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        signIn(t.base, member.email, `wrong ${i}`, '203.0.113.10'),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(140);
    expect(results.find((r) => r.status === 429)?.retryAfter).toBeGreaterThan(0);
  });

  it("a guesser's failures do not lock the member out from their own client", async () => {
    const victim = await ApiClient.signUp(t.base, 'Victim');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await signIn(t.base, victim.email, `guess ${i}`, '203.0.113.20')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // The guesser stays locked out even with the right password…
    expect((await signIn(t.base, victim.email, 'correct horse', '203.0.113.20')).status).toBe(429);
    // …while the member, elsewhere, signs in.
    expect((await signIn(t.base, victim.email, 'correct horse', '198.51.100.5')).status).toBe(200);
  });

  it('a fullwidth or upper-case copy of the address counts against the same account', async () => {
    const victim = await ApiClient.signUp(t.base, 'Wide');
    const wide = victim.email.toUpperCase().replace('@', '＠');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await signIn(t.base, i % 2 ? wide : victim.email, `guess ${i}`, '203.0.113.30')).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

describe('lock-outs back off progressively', { timeout: 20_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { signInFailures: 3, signInLockoutSeconds: 1 } });
  });
  afterAll(() => t.stop());

  it('each lock-out of the same account and client lasts twice as long as the one before', async () => {
    const member = await ApiClient.signUp(t.base, 'Member');
    const lockouts: (number | null)[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++)
        expect((await signIn(t.base, member.email, `wrong ${round} ${i}`)).status).toBe(401);
      const refused = await signIn(t.base, member.email, 'wrong again');
      expect(refused.status).toBe(429);
      lockouts.push(refused.retryAfter);
      // Locked even for the right password until the lock-out ends.
      expect((await signIn(t.base, member.email, 'correct horse')).status).toBe(429);
      await new Promise((r) => setTimeout(r, (refused.retryAfter as number) * 1000 + 150));
    }
    expect(lockouts).toEqual([1, 2, 4]);
    expect((await signIn(t.base, member.email, 'correct horse')).status).toBe(200);
  }, 30_000);

  it('without a trusted proxy, X-Forwarded-For cannot buy a guesser fresh attempts', async () => {
    const member = await ApiClient.signUp(t.base, 'Spoofed');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await signIn(t.base, member.email, `guess ${i}`, `192.0.2.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('the sign-in limit across two instances on one Redis', { timeout: 20_000 }, () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestServer({ redisUrl: redis.url });
    b = await startTestServer({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });

  it('guesses spread over both instances share one limit of 10', async () => {
    // The account need not exist: the limit must not reveal which ones do.
    const email = 'nobody@example.org';
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(i % 2 ? a.base : b.base, email, `wrong ${i}`)),
    );
    const statuses = results.map((r) => r.status);
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(50);
  });
});
