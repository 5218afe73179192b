import { CREDIT_BADGES, type CreditStatus } from '../lib/format';

/** The API's credit status, as text and colour (never colour alone). */
export function CreditBadge({ status }: { status: CreditStatus | null | undefined }) {
  if (!status) return <span className="badge none">—</span>;
  const b = CREDIT_BADGES[status];
  return (
    <span className={`badge ${b.tone}`} title={b.hint} data-status={status}>
      {b.label}
    </span>
  );
}

/** In place of a field the viewer's role may not read (FORBIDDEN at that path). */
export function Restricted() {
  return (
    <span className="restricted" title="Your role may not read this">
      not for your role
    </span>
  );
}
