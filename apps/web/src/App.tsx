import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createApi } from './lib/api';
import { loadSession, saveSession, screensFor, type Screen, type Session } from './lib/session';
import { AlertsDashboard } from './screens/AlertsDashboard';
import { Customer360 } from './screens/Customer360';
import { CustomerList } from './screens/CustomerList';
import { Receivables } from './screens/Receivables';
import { SignIn } from './screens/SignIn';

// GraphiQL is large: it loads when the explorer opens.
const Explorer = lazy(() => import('./screens/Explorer'));

/** The place in the app, kept in the URL hash so that back/forward and reloads work: #/customers, #/customers/<id>, #/alerts… */
interface Place {
  screen: Screen;
  id?: string;
}

function readPlace(): Place {
  const [, screen, id] = window.location.hash.split('/');
  return { screen: (screen as Screen) || 'customers', id };
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [place, setPlace] = useState<Place>(readPlace);
  useEffect(() => {
    const onHash = () => setPlace(readPlace());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const signOut = () => {
    saveSession(null);
    setSession(null);
  };
  const api = useMemo(() => (session ? createApi(session.token, signOut) : null), [session]);
  useEffect(() => () => void api?.ws.dispose(), [api]);

  if (!session || !api) {
    return (
      <SignIn
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
        }}
      />
    );
  }
  const screens = screensFor(session.user.role);
  const current = screens.find((s) => s.id === place.screen) ?? screens[0];
  const go = (screen: Screen, id?: string) => (window.location.hash = `#/${screen}${id ? `/${id}` : ''}`);

  return (
    <Provider value={api.urql}>
      {/* The hash is the route, so the skip link moves the focus itself rather than going to #main. */}
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="bar">
        <strong className="brand">Tandem</strong>
        <nav aria-label="Screens">
          {screens.map((s) => (
            <a key={s.id} href={`#/${s.id}`} aria-current={s.id === current.id ? 'page' : undefined}>
              {s.title}
            </a>
          ))}
        </nav>
        <span className="who">
          {session.user.name} · <span data-testid="role">{session.user.role}</span>
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {current.id === 'customers' && !place.id && <CustomerList role={session.user.role} onOpen={(id) => go('customers', id)} />}
        {current.id === 'customers' && place.id && <Customer360 id={place.id} onBack={() => go('customers')} />}
        {current.id === 'alerts' && <AlertsDashboard ws={api.ws} />}
        {current.id === 'finance' && <Receivables />}
        {current.id === 'explorer' && (
          <Suspense fallback={<p>Loading the explorer…</p>}>
            <Explorer token={session.token} ws={api.ws} />
          </Suspense>
        )}
      </main>
    </Provider>
  );
}
