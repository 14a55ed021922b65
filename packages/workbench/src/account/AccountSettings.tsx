import { type ApiClient, ApiError, type User } from '@repertoire/sync';
import { type FormEvent, useState } from 'react';
import { Card, TextField } from './AuthScreen.tsx';

/** The member's own account: change the password, sign out the other devices. */
export function AccountSettings(props: { api: ApiClient; user: User; onBack: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);

  const change = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(undefined);
    if (!current) return setErrors({ current: 'Enter the password you use now.' });
    if (next.length < 8 || next.length > 200)
      return setErrors({ next: 'Use 8 to 200 characters.' });
    setBusy(true);
    try {
      await props.api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setErrors({});
      setStatus('Password changed. Your other devices are signed out.');
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const message = (e as Error).message;
      setErrors(field === 'newPassword' ? { next: message } : { current: message });
    } finally {
      setBusy(false);
    }
  };

  const signOutOthers = async () => {
    setBusy(true);
    try {
      const count = await props.api.signOutOtherSessions();
      setStatus(
        count === 0
          ? 'You were not signed in anywhere else.'
          : `Signed out ${count} other ${count === 1 ? 'session' : 'sessions'}.`,
      );
    } catch (e) {
      setStatus((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Your account" subtitle={`Signed in as ${props.user.name} (${props.user.email}).`}>
      <form onSubmit={change} className="rp-auth-form" noValidate aria-label="Change password">
        <TextField
          name="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          error={errors.current}
          autoFocus
          onChange={(v) => {
            setCurrent(v);
            setErrors({});
          }}
        />
        <TextField
          name="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          error={errors.next}
          onChange={(v) => {
            setNext(v);
            setErrors({});
          }}
        />
        <button type="submit" className="rp-button" disabled={busy}>
          Change password
        </button>
      </form>
      <p className="rp-auth-switch">
        Lost a phone, or used a shared computer?{' '}
        <button
          type="button"
          className="rp-link-button"
          disabled={busy}
          onClick={() => void signOutOthers()}
        >
          Sign out other sessions
        </button>
      </p>
      {status ? (
        <p className="rp-auth-subtitle" role="status">
          {status}
        </p>
      ) : null}
      <p className="rp-auth-switch">
        <button type="button" className="rp-link-button" onClick={props.onBack}>
          Back to your workspaces
        </button>
      </p>
    </Card>
  );
}
