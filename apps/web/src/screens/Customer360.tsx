import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { CreditCheckDocument, Customer360Document, CustomerTimelineDocument } from '@tandem/client';
import { CreditBadge, Restricted } from '../components/CreditBadge';
import { failures, forbiddenPaths, isForbidden } from '../lib/errors';
import { formatDate, formatMoney, formatRatio } from '../lib/format';

/** One customer, front and back office joined in one request: contacts, credit breakdown, orders, open invoices, deals, tickets, activities; then its timeline. */
export function Customer360({ id, onBack }: { id: string; onBack: () => void }) {
  const [{ data, error, fetching }] = useQuery({ query: Customer360Document, variables: { id } });
  const forbidden = forbiddenPaths(error);
  const hidden = (...path: string[]) => isForbidden(forbidden, ['customer', ...path]);
  const c = data?.customer;

  return (
    <section aria-labelledby="c360-title">
      <button type="button" className="link" onClick={onBack}>
        ← All customers
      </button>
      {failures(error).map((p) => (
        <p key={p} role="alert" className="error">
          {p}
        </p>
      ))}
      {!c && !fetching && <p>No such customer, or not one you may see.</p>}
      {c && (
        <>
          <h1 id="c360-title">
            {c.name} {hidden('credit') ? <Restricted /> : <CreditBadge status={c.credit?.status} />}
          </h1>
          <p className="muted">
            Owner: {c.owner?.name ?? '—'} · terms {c.paymentTermsDays} days {c.email && <>· {c.email}</>} {c.phone && <>· {c.phone}</>}
          </p>
          <div className="grid">
            <Panel title="Credit">
              {hidden('credit') ? (
                <Restricted />
              ) : (
                <dl className="figures" data-testid="credit">
                  <Figure label="Limit" value={c.credit?.limit === null ? 'no limit' : formatMoney(c.credit?.limit)} hidden={hidden('credit', 'limit')} />
                  <Figure label="Open receivables" value={formatMoney(c.credit?.openReceivables)} hidden={hidden('credit', 'openReceivables')} />
                  <Figure label="Uninvoiced orders" value={formatMoney(c.credit?.uninvoicedOrders)} hidden={hidden('credit', 'uninvoicedOrders')} />
                  <Figure label="Unapplied credit" value={formatMoney(c.credit?.unappliedCredit)} hidden={hidden('credit', 'unappliedCredit')} />
                  <Figure label="Exposure" value={formatMoney(c.credit?.exposure)} hidden={hidden('credit', 'exposure')} />
                  <Figure label="Available" value={formatMoney(c.credit?.available)} hidden={hidden('credit', 'available')} />
                  <Figure label="Utilization" value={formatRatio(c.credit?.utilization)} hidden={hidden('credit', 'utilization')} />
                  <Figure label="Overdue" value={formatMoney(c.credit?.overdueAmount)} hidden={hidden('credit', 'overdueAmount')} />
                  {c.credit?.onHold && <Figure label="Hold" value={c.credit.holdReason ?? 'on hold'} hidden={false} />}
                </dl>
              )}
              {!hidden('credit', 'exposure') && <WouldItPass customerId={c.id} />}
            </Panel>
            <Panel title="Contacts">
              <ul className="plain">
                {c.contacts.map((p) => (
                  <li key={p.id}>
                    <strong>{p.fullName}</strong> {p.title && <span className="muted">{p.title}</span>} {p.email && <a href={`mailto:${p.email}`}>{p.email}</a>}
                  </li>
                ))}
              </ul>
            </Panel>
            <Panel title="Orders">
              {hidden('orders') ? (
                <Restricted />
              ) : (
                <Table head={['Order', 'Status', 'Date', 'Total']} rows={(c.orders?.edges ?? []).map(({ node: o }) => [o.number, o.status, formatDate(o.orderDate), formatMoney(o.total)])} />
              )}
            </Panel>
            <Panel title="Open invoices">
              {hidden('invoices') ? (
                <Restricted />
              ) : (
                <Table
                  head={['Invoice', 'Due', 'Balance', 'Overdue']}
                  rows={(c.invoices?.edges ?? []).map(({ node: i }) => [i.number, formatDate(i.dueDate), formatMoney(i.balanceDue), i.overdue ? `${i.daysOverdue} days` : '—'])}
                />
              )}
            </Panel>
            <Panel title="Opportunities">
              {hidden('opportunities') ? (
                <Restricted />
              ) : (
                <Table
                  head={['Deal', 'Stage', 'Amount', 'Close']}
                  rows={(c.opportunities?.edges ?? []).map(({ node: o }) => [o.name, o.stage, formatMoney(o.amount), formatDate(o.expectedCloseDate)])}
                />
              )}
            </Panel>
            <Panel title="Open tickets">
              {hidden('openTickets') ? <Restricted /> : <Table head={['Ticket', 'Priority', 'Status']} rows={(c.openTickets ?? []).map((t) => [t.subject, t.priority, t.status])} />}
            </Panel>
            <Panel title="Recent activities">
              {hidden('activities') ? (
                <Restricted />
              ) : (
                <Table head={['When', 'Kind', 'Subject']} rows={(c.activities?.edges ?? []).map(({ node: a }) => [formatDate(a.occurredAt.slice(0, 10)), a.kind, a.subject])} />
              )}
            </Panel>
          </div>
          <Timeline customerId={c.id} />
        </>
      )}
    </section>
  );
}

const TIMELINE_PAGE = 15;

/** The customer's one history, newest first, a page at a time (each page resumes from the previous page's cursor). */
function Timeline({ customerId }: { customerId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="timeline" data-testid="timeline">
        {cursors.map((after, i) => (
          <TimelinePage key={after ?? 'first'} customerId={customerId} after={after} last={i === cursors.length - 1} onMore={(next) => setCursors([...cursors, next])} />
        ))}
      </ol>
    </section>
  );
}

function TimelinePage({ customerId, after, last, onMore }: { customerId: string; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const [{ data, error, fetching }] = useQuery({ query: CustomerTimelineDocument, variables: { id: customerId, first: TIMELINE_PAGE, after } });
  const page = data?.customer?.timeline;
  return (
    <>
      {page?.edges.map(({ node: t }, i) => (
        <li key={`${t.occurredAt}-${i}`}>
          <time dateTime={t.occurredAt}>{formatDate(t.occurredAt.slice(0, 10))}</time> <span className="muted">{t.kind.replace(/_/g, ' ').toLowerCase()}</span> {t.summary}
          {t.actor && <span className="muted"> · {t.actor.name}</span>}
        </li>
      ))}
      {page && page.edges.length === 0 && after === null && <li className="muted">Nothing yet.</li>}
      {failures(error).map((p) => (
        <li key={p} role="alert" className="error">
          {p}
        </li>
      ))}
      {last && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <li>
          <button type="button" className="link" disabled={fetching} onClick={() => onMore(page.pageInfo.endCursor!)}>
            Show more
          </button>
        </li>
      )}
    </>
  );
}

/** "Would this order pass credit?": the API's creditCheck, which changes nothing. */
function WouldItPass({ customerId }: { customerId: string }) {
  const [amount, setAmount] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [{ data, error, fetching }] = useQuery({ query: CreditCheckDocument, variables: { customerId, amount: asked ?? '0' }, pause: asked === null });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(amount.trim());
  };
  const check = data?.creditCheck;
  return (
    <form onSubmit={submit} className="check" aria-label="Would an order pass credit?">
      <label htmlFor="check-amount">Would an order of this amount pass credit?</label>
      <div className="row">
        <input id="check-amount" inputMode="decimal" pattern="\d{1,12}(\.\d{1,2})?" required value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="1250.00" />
        <button type="submit" disabled={fetching}>
          Check
        </button>
      </div>
      {asked !== null && !fetching && check && (
        <p role="status" data-testid="credit-check" className={check.approved ? 'ok-text' : 'bad-text'}>
          {check.approved ? 'Yes: it would pass.' : `No: ${check.reason === 'CREDIT_HOLD' ? 'the customer is on credit hold' : 'it would exceed the credit limit'}.`} Exposure{' '}
          {formatMoney(check.exposureBefore)} → {formatMoney(check.exposureAfter)}, limit {check.limit === null ? 'none' : formatMoney(check.limit)}.
        </p>
      )}
      {failures(error).map((p) => (
        <p key={p} role="alert" className="error">
          {p}
        </p>
      ))}
    </form>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Figure({ label, value, hidden }: { label: string; value: string; hidden: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{hidden ? <Restricted /> : value}</dd>
    </div>
  );
}

function Table({ head, rows }: { head: string[]; rows: string[][] }) {
  if (rows.length === 0) return <p className="muted">None.</p>;
  return (
    <div className="table-wrap">
      <table className="stacks">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j} data-label={head[j]}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
