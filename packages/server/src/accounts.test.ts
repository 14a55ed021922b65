import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from './testing/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** A second signed-in session of the same account. */
async function signIn(email: string, password = 'correct horse'): Promise<ApiClient> {
  const client = new ApiClient(t.base);
  const r = await client.call('POST', '/api/auth/sign-in', { email, password });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
  return client;
}

describe('password change and sessions', { timeout: 20_000 }, () => {
  it('changing the password needs the current one, and signs out every other session', async () => {
    const member = await ApiClient.signUp(t.base, 'Changer');
    const laptop = await signIn(member.email);
    const wrong = await member.call('POST', '/api/auth/password', {
      currentPassword: 'not it',
      newPassword: 'a new password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.field).toBe('currentPassword');
    const short = await member.call('POST', '/api/auth/password', {
      currentPassword: 'correct horse',
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('newPassword');
    expect((await laptop.call('GET', '/api/me')).status).toBe(200);

    const changed = await member.call('POST', '/api/auth/password', {
      currentPassword: 'correct horse',
      newPassword: 'a new password',
    });
    expect(changed.status).toBe(204);
    expect((await member.call('GET', '/api/me')).status).toBe(200);
    expect((await laptop.call('GET', '/api/me')).status).toBe(401);
    await expect(signIn(member.email)).rejects.toThrow(/401/);
    await signIn(member.email, 'a new password');
  });

  it('"sign out other sessions" ends every session but this one', async () => {
    const member = await ApiClient.signUp(t.base, 'Traveller');
    const phone = await signIn(member.email);
    const library = await signIn(member.email);
    const r = await member.call('POST', '/api/auth/sign-out-others');
    expect(r).toEqual({ status: 200, body: { signedOut: 2 } });
    expect((await member.call('GET', '/api/me')).status).toBe(200);
    expect((await phone.call('GET', '/api/me')).status).toBe(401);
    expect((await library.call('GET', '/api/me')).status).toBe(401);
  });
});

describe('e-mail addresses are one account whatever their width or case', {
  timeout: 20_000,
}, () => {
  it('a fullwidth or upper-case copy does not make a second account', async () => {
    const member = await ApiClient.signUp(t.base, 'Original');
    const [local, domain] = member.email.split('@') as [string, string];
    const fullwidth = [...`${local.toUpperCase()}@${domain}`]
      .map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
      .join('');
    const copy = await new ApiClient(t.base).call('POST', '/api/auth/sign-up', {
      email: fullwidth,
      password: 'another password',
      name: 'Copy',
    });
    expect(copy.status).toBe(409);
    expect(copy.body.error.field).toBe('email');
  });

  it('signing in with a fullwidth copy reaches the same account', async () => {
    const member = await ApiClient.signUp(t.base, 'Wide');
    const client = await signIn(member.email.toUpperCase().replace('@', '＠'));
    expect((await client.call('GET', '/api/me')).body.user.id).toBe(member.userId);
  });

  it('a new account stores its address normalized', async () => {
    const r = await new ApiClient(t.base).call('POST', '/api/auth/sign-up', {
      email: 'Ｍｉｘｅｄ＠Example.ORG',
      password: 'correct horse',
      name: 'Mixed',
    });
    expect(r.status).toBe(201);
    expect(r.body.user.email).toBe('mixed@example.org');
  });
});

describe('invitation links', { timeout: 20_000 }, () => {
  it('an owner lists the usable links and revokes one, which then cannot be used', async () => {
    const owner = await ApiClient.signUp(t.base, 'Owner');
    const ws = (await owner.call('POST', '/api/workspaces', { name: 'Circle' })).body.workspace.id;
    const a = (await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'editor' }))
      .body.invitation;
    const b = (
      await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'viewer', maxUses: 5 })
    ).body.invitation;
    const listed = (await owner.call('GET', `/api/workspaces/${ws}/invitations`)).body.invitations;
    expect(listed).toHaveLength(2);
    expect(listed).toContainEqual(
      expect.objectContaining({ token: b.token, role: 'viewer', usesLeft: 5, url: b.url }),
    );

    expect(
      (await owner.call('DELETE', `/api/workspaces/${ws}/invitations/${a.token}`)).status,
    ).toBe(204);
    const after = (await owner.call('GET', `/api/workspaces/${ws}/invitations`)).body.invitations;
    expect(after.map((i: { token: string }) => i.token)).toEqual([b.token]);
    const joiner = await ApiClient.signUp(t.base, 'Joiner');
    expect((await joiner.call('POST', `/api/invitations/${a.token}/accept`)).status).toBe(404);
    expect((await joiner.call('GET', `/api/workspaces/${ws}`)).status).toBe(403);
    expect(
      (await owner.call('DELETE', `/api/workspaces/${ws}/invitations/${a.token}`)).status,
    ).toBe(404);
  });

  it('only an owner may list or revoke links', async () => {
    const owner = await ApiClient.signUp(t.base, 'Keeper');
    const ws = (await owner.call('POST', '/api/workspaces', { name: 'Kept' })).body.workspace.id;
    const link = (await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'editor' }))
      .body.invitation;
    const editor = await ApiClient.signUp(t.base, 'Editor');
    await editor.call('POST', `/api/invitations/${link.token}/accept`);
    const other = (
      await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'viewer' })
    ).body.invitation;
    expect((await editor.call('GET', `/api/workspaces/${ws}/invitations`)).status).toBe(403);
    expect(
      (await editor.call('DELETE', `/api/workspaces/${ws}/invitations/${other.token}`)).status,
    ).toBe(403);
    expect(
      (await owner.call('GET', `/api/workspaces/${ws}/invitations`)).body.invitations,
    ).toHaveLength(1);
  });
});
