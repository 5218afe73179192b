import { useState, type FormEvent } from 'react';
import { Client, fetchExchange } from '@urql/core';
import { LoginDocument } from '@tandem/client';
import { httpUrl } from '../lib/api';
import type { Session } from '../lib/session';

const DEMO_USERS = ['rep1@demo.tandem', 'rep2@demo.tandem', 'manager@demo.tandem', 'finance@demo.tandem', 'warehouse@demo.tandem', 'support@demo.tandem'];

/** Sign in as any user; the demo company's users are offered to pick from (password `demo-password`). */
export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const client = new Client({ url: httpUrl(), preferGetMethod: false, exchanges: [fetchExchange] });
    const r = await client.mutation(LoginDocument, { email, password }).toPromise();
    setBusy(false);
    const login = r.data?.login;
    if (login?.token && login.user) {
      onSignedIn({ token: login.token, user: login.user });
      return;
    }
    setError(login?.userErrors[0]?.message ?? r.error?.message ?? 'Sign-in failed.');
  };

  return (
    <main className="signin" id="main">
      <h1>Tandem</h1>
      <p>One API for the front office and the back office.</p>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? 'signin-error' : undefined}>
        <label htmlFor="email">E-mail</label>
        <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} list="demo-users" />
        <datalist id="demo-users">
          {DEMO_USERS.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && (
          <p id="signin-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="hint">Demo users: {DEMO_USERS.join(', ')} — password “demo-password”.</p>
    </main>
  );
}
