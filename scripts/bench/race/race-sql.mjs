// The SQL the race's two rivals serve the dashboard with: the domain's credit
// rules written once in SQL (summarizeCredit: exposure = open receivables +
// uninvoiced confirmed orders − unapplied cash; ON_HOLD by hand or > 60 days
// late, OVER_LIMIT, WARNING at 80 % or anything overdue, else OK), used by the
// hand-written floor (one json_agg statement) and, as computed columns, by
// PostGraphile. `today` is the UTC date, like Tandem's.

/** One customer's credit, selected from the columns of the customer row `c`; money as text, exact. */
const creditSql = (c) => `
  select round(${c}.credit_limit, 2)::text as "limit", round(e.exposure, 2)::text as exposure, round(${c}.credit_limit - e.exposure, 2)::text as available,
         case when ${c}.on_hold or (e.oldest is not null and current_date - e.oldest > 60) then 'ON_HOLD'
              when ${c}.credit_limit is not null and e.exposure > ${c}.credit_limit then 'OVER_LIMIT'
              when (${c}.credit_limit > 0 and e.exposure >= ${c}.credit_limit * 0.8) or e.overdue > 0 then 'WARNING'
              else 'OK' end as status
    from (select i.open_receivables + o.uninvoiced - p.unapplied as exposure, i.overdue, i.oldest
            from (select coalesce(sum(total - amount_paid), 0) as open_receivables,
                         coalesce(sum(total - amount_paid) filter (where due_date < current_date), 0) as overdue,
                         min(due_date) filter (where due_date < current_date) as oldest
                    from invoices where customer_id = ${c}.id and status in ('OPEN', 'PARTIALLY_PAID') and total > amount_paid) i,
                 (select coalesce(sum(unapplied_amount), 0) as unapplied from payments where customer_id = ${c}.id) p,
                 (select coalesce(sum(x.net + round(x.net * x.tax_rate, 2)), 0) as uninvoiced
                    from (select round(l.unit_price * (l.quantity - l.invoiced_quantity) * (1 - l.discount_percent / 100), 2) as net, l.tax_rate
                            from order_lines l join orders od on od.id = l.order_id
                           where od.customer_id = ${c}.id and od.status in ('CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED')
                             and l.quantity > l.invoiced_quantity) x) o) e`;

/**
 * PostGraphile's view of the same tables: computed columns for what Tandem
 * derives (credit, a contact's full name, an invoice's balance and overdue flag,
 * a customer's open invoices oldest due first). Idempotent.
 */
export const POSTGRAPHILE_FUNCTIONS_SQL = `
drop type if exists race_credit cascade;
create type race_credit as ("limit" text, exposure text, available text, status text);
create or replace function customers_credit(c customers) returns race_credit language sql stable as $$ ${creditSql('c')} $$;
create or replace function contacts_full_name(k contacts) returns text language sql stable as $$ select k.first_name || ' ' || k.last_name $$;
create or replace function invoices_balance_due(i invoices) returns numeric language sql stable as $$ select round(i.total - i.amount_paid, 2) $$;
create or replace function invoices_overdue(i invoices) returns boolean language sql stable as $$ select i.total > i.amount_paid and i.due_date < current_date $$;
create or replace function customers_open_invoices(c customers) returns setof invoices language sql stable as $$
  select * from invoices where customer_id = c.id and status in ('OPEN', 'PARTIALLY_PAID') order by due_date, number $$;
`;

/**
 * The floor: the whole dashboard page in one statement, shaped like Tandem's
 * answer, as JSON text. $1 the owner (null for all), $2 the offset, $3 the page size.
 */
export const FLOOR_SQL = `
with visible as (select * from customers c where $1::uuid is null or c.owner_id = $1),
     page as (select * from visible order by name, id offset $2 limit $3 + 1)
select json_build_object('customers', json_build_object(
  'totalCount', (select count(*) from visible),
  'edges', coalesce((select json_agg(json_build_object('node', json_build_object(
      'id', p.id, 'name', p.name,
      'owner', (select json_build_object('id', u.id, 'name', u.name) from users u where u.id = p.owner_id),
      'contacts', coalesce((select json_agg(json_build_object('id', k.id, 'fullName', k.first_name || ' ' || k.last_name, 'email', k.email, 'phone', k.phone)
                                            order by k.last_name, k.first_name, k.id) from contacts k where k.customer_id = p.id), '[]'),
      'credit', (select row_to_json(cr) from (${creditSql('p')}) cr),
      'orders', json_build_object('edges', coalesce((select json_agg(json_build_object('node', json_build_object(
                    'id', o.id, 'number', o.number, 'status', o.status, 'orderDate', o.order_date, 'total', round(o.total, 2)::text))
                    order by o.order_date desc, o.number desc)
                  from (select * from orders where customer_id = p.id order by order_date desc, number desc limit 5) o), '[]')),
      'invoices', json_build_object('edges', coalesce((select json_agg(json_build_object('node', json_build_object(
                    'id', i.id, 'number', i.number, 'dueDate', i.due_date, 'balanceDue', round(i.total - i.amount_paid, 2)::text,
                    'overdue', i.total > i.amount_paid and i.due_date < current_date))
                    order by i.due_date, i.number)
                  from (select * from invoices where customer_id = p.id and status in ('OPEN', 'PARTIALLY_PAID') order by due_date, number limit 10) i), '[]'))
    )) order by p.name, p.id) from (select * from page order by name, id limit $3) p), '[]'),
  'pageInfo', json_build_object('hasNextPage', (select count(*) from page) > $3)
))::text as data`;
