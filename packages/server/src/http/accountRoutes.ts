import { ApiError } from '../store/errors.ts';
import { type ApiContext, requireUser, SESSION_COOKIE } from './apiContext.ts';
import { clientAddress, readCookie, readJson, sendJson } from './httpIO.ts';
import { RateLimiter } from './rateLimiter.ts';
import type { Router } from './router.ts';

const BODY_LIMIT = 1024 * 1024;

function sessionCookie(api: ApiContext, value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAgeSeconds}${api.secureCookies ? '; Secure' : ''}`;
}

/** Sign-up, sign-in (rate-limited on failures), sign-out, me, and the sync token. */
export function addAccountRoutes(router: Router, api: ApiContext): void {
  const { accounts, workspaces, tokens, limits, logger } = api.services;
  const failuresByEmail = new RateLimiter(limits.signInFailures, 5 * 60_000);
  // Many members may share one address (a school's NAT), so an address gets more room.
  const failuresByAddress = new RateLimiter(limits.signInFailures * 5, 5 * 60_000);

  router.add('POST', '/api/auth/sign-up', async ({ request, response }) => {
    const body = await readJson(request, BODY_LIMIT);
    const user = await accounts.create(body);
    const session = accounts.openSession(user.id);
    logger.info({ userId: user.id }, 'account created');
    sendJson(
      response,
      201,
      { user },
      { 'set-cookie': sessionCookie(api, session.id, 30 * 86_400) },
    );
  });

  router.add('POST', '/api/auth/sign-in', async ({ request, response }) => {
    const body = await readJson(request, BODY_LIMIT);
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const checks: [RateLimiter, string][] = [
      [failuresByEmail, email],
      [failuresByAddress, clientAddress(request)],
    ];
    const blocked = checks.find(([limiter, key]) => !limiter.allowed(key));
    if (blocked) {
      response.setHeader('retry-after', String(blocked[0].retryAfter(blocked[1])));
      throw new ApiError('rate_limited', 'too many failed sign-ins; try again later');
    }
    const user = await accounts.authenticate(email, password);
    if (!user) {
      for (const [limiter, key] of checks) limiter.hit(key);
      logger.info({ email }, 'sign-in refused');
      throw new ApiError('wrong_credentials', 'wrong email or password');
    }
    const session = accounts.openSession(user.id);
    sendJson(
      response,
      200,
      { user },
      { 'set-cookie': sessionCookie(api, session.id, 30 * 86_400) },
    );
  });

  router.add('POST', '/api/auth/sign-out', async ({ request, response }) => {
    const session = readCookie(request, SESSION_COOKIE);
    if (session) accounts.closeSession(session);
    response.writeHead(204, { 'set-cookie': sessionCookie(api, '', 0) });
    response.end();
  });

  router.add('GET', '/api/me', async ({ request, response }) => {
    const user = requireUser(api, request);
    sendJson(response, 200, { user, workspaces: workspaces.forUser(user.id) });
  });

  // Whether anyone is signed in, asked by the web app on start: 200 either way, so a signed-out
  // start logs no failed request in the browser's console (`/api/me` answers 401 then).
  router.add('GET', '/api/session', async ({ request, response }) => {
    const session = readCookie(request, SESSION_COOKIE);
    const user = session ? accounts.sessionUser(session) : null;
    sendJson(
      response,
      200,
      user ? { user, workspaces: workspaces.forUser(user.id) } : { user: null },
    );
  });

  router.add('POST', '/api/sync-token', async ({ request, response }) => {
    const user = requireUser(api, request);
    const issued = await tokens.issue(user.id);
    const host = request.headers.host ?? 'localhost';
    const scheme = api.secureCookies ? 'wss' : 'ws';
    sendJson(response, 200, {
      ...issued,
      syncUrl: `${scheme}://${host}/sync`,
      yWebsocketUrl: `${scheme}://${host}/y`,
    });
  });
}
