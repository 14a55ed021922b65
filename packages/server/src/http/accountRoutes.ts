import { z } from 'zod';
import { accountInputSchema, normalizeEmail, passwordSchema } from '../store/accountInput.ts';
import { ApiError } from '../store/errors.ts';
import { type ApiContext, publicBase, requireUser, SESSION_COOKIE } from './apiContext.ts';
import { readCookie, sendJson } from './httpIO.ts';
import { readBody } from './requestBody.ts';
import type { Router } from './router.ts';
import { SignInLimits } from './signInLimits.ts';

const SESSION_SECONDS = 30 * 86_400;

const signInBody = z.object({
  email: z.string('must be a string').max(320, 'is too long'),
  password: z.string('must be a string').max(200, 'is too long'),
});

const passwordChangeBody = z.object({
  currentPassword: z.string('must be a string').max(200, 'is too long'),
  newPassword: passwordSchema,
});

function sessionCookie(api: ApiContext, value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAgeSeconds}${api.secureCookies ? '; Secure' : ''}`;
}

/**
 * Sign-up, sign-in (limited per account and client), sign-out, signing out the other sessions,
 * password change, me, and the sync token.
 */
export function addAccountRoutes(router: Router, api: ApiContext): void {
  const { accounts, workspaces, tokens, limits, logger } = api.services;
  const signIns = new SignInLimits(
    api.services.limiters,
    limits.signInFailures,
    limits.signInLockoutSeconds,
  );

  router.add('POST', '/api/auth/sign-up', async ({ request, response }) => {
    const user = await accounts.create(await readBody(request, accountInputSchema));
    const session = await accounts.openSession(user.id);
    logger.info({ userId: user.id }, 'account created');
    sendJson(
      response,
      201,
      { user },
      { 'set-cookie': sessionCookie(api, session.id, SESSION_SECONDS) },
    );
  });

  router.add('POST', '/api/auth/sign-in', async ({ request, response }) => {
    const body = await readBody(request, signInBody);
    const email = normalizeEmail(body.email);
    const attempt = await signIns.reserve(email, api.clientAddress(request));
    const user = await accounts.authenticate(email, body.password);
    if (!user) {
      logger.info({ email }, 'sign-in refused');
      throw new ApiError('wrong_credentials', 'wrong email or password');
    }
    await attempt.succeeded();
    const session = await accounts.openSession(user.id);
    sendJson(
      response,
      200,
      { user },
      { 'set-cookie': sessionCookie(api, session.id, SESSION_SECONDS) },
    );
  });

  router.add('POST', '/api/auth/sign-out', async ({ request, response }) => {
    const session = readCookie(request, SESSION_COOKIE);
    if (session) await accounts.closeSession(session);
    response.writeHead(204, { 'set-cookie': sessionCookie(api, '', 0) });
    response.end();
  });

  router.add('POST', '/api/auth/sign-out-others', async ({ request, response }) => {
    const user = await requireUser(api, request);
    const signedOut = await accounts.closeOtherSessions(
      user.id,
      readCookie(request, SESSION_COOKIE) as string,
    );
    logger.info({ userId: user.id, signedOut }, 'other sessions signed out');
    sendJson(response, 200, { signedOut });
  });

  router.add('POST', '/api/auth/password', async ({ request, response }) => {
    const user = await requireUser(api, request);
    const body = await readBody(request, passwordChangeBody);
    // The current password is a guess like any other when a session was stolen.
    const attempt = await signIns.reserve(user.email, api.clientAddress(request));
    await accounts.changePassword(
      user.id,
      body.currentPassword,
      body.newPassword,
      readCookie(request, SESSION_COOKIE) as string,
    );
    await attempt.succeeded();
    logger.info({ userId: user.id }, 'password changed');
    response.writeHead(204).end();
  });

  router.add('GET', '/api/me', async ({ request, response }) => {
    const user = await requireUser(api, request);
    sendJson(response, 200, { user, workspaces: await workspaces.forUser(user.id) });
  });

  // Whether anyone is signed in, asked by the web app on start: 200 either way, so a signed-out
  // start logs no failed request in the browser's console (`/api/me` answers 401 then).
  router.add('GET', '/api/session', async ({ request, response }) => {
    const session = readCookie(request, SESSION_COOKIE);
    const user = session ? await accounts.sessionUser(session) : null;
    sendJson(
      response,
      200,
      user ? { user, workspaces: await workspaces.forUser(user.id) } : { user: null },
    );
  });

  router.add('POST', '/api/sync-token', async ({ request, response }) => {
    const user = await requireUser(api, request);
    const issued = await tokens.issue(user.id, readCookie(request, SESSION_COOKIE) as string);
    const base = new URL(publicBase(api, request));
    const origin = `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}`;
    sendJson(response, 200, {
      ...issued,
      syncUrl: `${origin}/sync`,
      yWebsocketUrl: `${origin}/y`,
    });
  });
}
