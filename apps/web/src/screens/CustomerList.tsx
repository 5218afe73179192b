import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { WebContactsDocument } from '@tandem/client';
import { CreditBadge, Restricted } from '../components/CreditBadge';
import { failures, forbiddenPaths, isForbidden } from '../lib/errors';
import { formatMoney } from '../lib/format';
import type { Role } from '../lib/session';

const PAGE = 20;

/**
 * "My customers": every contact the viewer may see with its customer's credit
 * beside it (a rep sees only its own customers: the API decides). Search and
 * cursor paging; a figure the role may not read says so in its place.
 */
export function CustomerList({ role, onOpen }: { role: Role; onOpen: (customerId: string) => void }) {
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, error, fetching }] = useQuery({ query: WebContactsDocument, variables: { first: PAGE, after, search: search || null } });
  const forbidden = forbiddenPaths(error);
  const problems = failures(error);
  const edges = data?.contacts?.edges ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(typed.trim());
    setCursors([null]);
  };

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">{role === 'SALES_REP' ? 'My customers' : 'Customers'}</h1>
      <form role="search" onSubmit={submit} className="row">
        <label htmlFor="contact-search">Search contacts</label>
        <input id="contact-search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="Name or e-mail" />
        <button type="submit">Search</button>
      </form>
      {problems.map((p) => (
        <p key={p} role="alert" className="error">
          {p}
        </p>
      ))}
      <p aria-live="polite" className="muted">
        {fetching && !data ? 'Loading…' : `${data?.contacts?.totalCount ?? 0} contacts`}
      </p>
      <ul className="cards" aria-label="Contacts">
        {edges.map(({ node }, i) => {
          const at = (field: string) => ['contacts', 'edges', i, 'node', 'customer', 'credit', field];
          const customer = node.customer;
          const credit = customer?.credit;
          return (
            <li key={node.id} className="card" data-testid="contact">
              <div className="card-head">
                <span className="name">{node.fullName}</span>
                {isForbidden(forbidden, at('status')) ? <Restricted /> : <CreditBadge status={credit?.status} />}
              </div>
              {customer && (
                <button type="button" className="link" onClick={() => onOpen(customer.id)}>
                  {customer.name}
                </button>
              )}
              <dl className="figures">
                <div>
                  <dt>Available credit</dt>
                  <dd>{isForbidden(forbidden, at('available')) ? <Restricted /> : credit?.available === null ? 'no limit' : formatMoney(credit?.available)}</dd>
                </div>
                <div>
                  <dt>Overdue</dt>
                  <dd>{isForbidden(forbidden, at('overdueAmount')) ? <Restricted /> : formatMoney(credit?.overdueAmount)}</dd>
                </div>
              </dl>
              <p className="contact">
                {node.email && <a href={`mailto:${node.email}`}>{node.email}</a>} {node.phone && <a href={`tel:${node.phone}`}>{node.phone}</a>}
              </p>
            </li>
          );
        })}
      </ul>
      <nav className="row" aria-label="Pages">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <button type="button" disabled={!data?.contacts?.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, data!.contacts!.pageInfo.endCursor ?? null])}>
          Next page
        </button>
      </nav>
    </section>
  );
}
