/** Who is signed in in this tab: the token from `login` and the user it names. Kept for the tab's life only. */
export type Role = 'ADMIN' | 'SALES_MANAGER' | 'SALES_REP' | 'FINANCE' | 'WAREHOUSE' | 'SUPPORT';

export interface Session {
  token: string;
  user: { id: string; email: string; name: string; role: Role };
}

const KEY = 'tandem.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

export type Screen = 'customers' | 'alerts' | 'finance' | 'explorer';

/**
 * The screens each role is offered, from the contract's role table: customers
 * for the roles that read them, receivables for the commercial roles, alerts
 * and the explorer for everyone (the API still decides every field).
 */
export const SCREENS: { id: Screen; title: string; roles: readonly Role[] }[] = [
  { id: 'customers', title: 'Customers', roles: ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'FINANCE', 'SUPPORT'] },
  { id: 'alerts', title: 'Live alerts', roles: ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'FINANCE', 'WAREHOUSE', 'SUPPORT'] },
  { id: 'finance', title: 'Receivables', roles: ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'FINANCE'] },
  { id: 'explorer', title: 'Explorer', roles: ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'FINANCE', 'WAREHOUSE', 'SUPPORT'] },
];

export const screensFor = (role: Role) => SCREENS.filter((s) => s.roles.includes(role));
