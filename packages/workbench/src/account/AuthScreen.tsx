import { Icon } from '@repertoire/icons';
import { type ApiClient, ApiError, type User } from '@repertoire/sync';
import { type FormEvent, useState } from 'react';

/** A centred card on the plain background: sign-in, sign-up, workspace choice, invitations. */
export function Card(props: {
  title: string;
  subtitle?: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <main className="rp-auth">
      <div className="rp-auth-card" data-wide={props.wide || undefined}>
        <div className="rp-auth-brand">
          <span className="rp-logo" aria-hidden="true">
            <Icon name="sparkles" size={20} />
          </span>
          Repertoire
        </div>
        <h1>{props.title}</h1>
        {props.subtitle ? <p className="rp-auth-subtitle">{props.subtitle}</p> : null}
        {props.children}
      </div>
    </main>
  );
}

/** A labelled input with its error message. */
export function TextField(props: {
  name: string;
  label: string;
  type?: string;
  value: string;
  error?: string | undefined;
  autoComplete?: string;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  const id = `auth-${props.name}`;
  return (
    <div className="rp-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        className="rp-input"
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        // biome-ignore lint/a11y/noAutofocus: the first field of a sign-in form
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error ? (
        <p id={`${id}-error`} className="rp-field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Sign in, or sign up with a toggle; checks fields before asking the server. */
export function AuthScreen(props: {
  api: ApiClient;
  onSignedIn: (user: User) => void;
  note?: string;
}) {
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signIn');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (mode === 'signUp' && !name.trim()) found.name = 'Tell the community your name.';
    if (!email.includes('@')) found.email = 'An email address has an @.';
    if (password.length < 8) found.password = 'At least 8 characters.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const user =
        mode === 'signUp'
          ? await props.api.signUp({ name: name.trim(), email: email.trim(), password })
          : await props.api.signIn({ email: email.trim(), password });
      props.onSignedIn(user);
    } catch (error) {
      const e = error as ApiError;
      const message =
        e instanceof ApiError && e.code === 'wrong_credentials'
          ? 'That email and password do not match.'
          : e instanceof ApiError && e.code === 'conflict'
            ? 'An account with this email exists. Sign in instead.'
            : e.message;
      setErrors({ [e instanceof ApiError && e.field ? e.field : 'form']: message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={mode === 'signIn' ? 'Welcome back' : 'Join your community'}
      subtitle={
        props.note ??
        (mode === 'signIn'
          ? 'Sign in to your community of practice.'
          : 'Create your account. It takes a minute.')
      }
    >
      <form onSubmit={submit} noValidate className="rp-auth-form">
        {mode === 'signUp' ? (
          <TextField
            name="name"
            label="Your name"
            value={name}
            error={errors.name}
            autoComplete="name"
            autoFocus
            onChange={setName}
          />
        ) : null}
        <TextField
          name="email"
          label="Email"
          type="email"
          value={email}
          error={errors.email}
          autoComplete="email"
          autoFocus={mode === 'signIn'}
          onChange={setEmail}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          value={password}
          error={errors.password}
          autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
          onChange={setPassword}
        />
        {errors.form ? (
          <p className="rp-field-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit" className="rp-button rp-auth-submit" disabled={busy}>
          {busy ? 'One moment…' : mode === 'signIn' ? 'Sign in' : 'Create account'}
        </button>
      </form>
      <p className="rp-auth-switch">
        {mode === 'signIn' ? 'New here?' : 'Already have an account?'}{' '}
        <button
          type="button"
          className="rp-link-button"
          onClick={() => {
            setMode(mode === 'signIn' ? 'signUp' : 'signIn');
            setErrors({});
          }}
        >
          {mode === 'signIn' ? 'Create an account' : 'Sign in'}
        </button>
      </p>
    </Card>
  );
}
