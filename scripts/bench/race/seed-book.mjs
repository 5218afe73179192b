// A deterministic book for the performance race, written straight into
// PostgreSQL with set-based SQL (seconds, not minutes): the same rows on every
// run for the same --customers. Every figure follows the domain's rules, so
// that Tandem, PostGraphile and the SQL floor can be compared row for row:
// line net = round(unit price × quantity × (1 − discount/100), 2), tax =
// round(net × rate, 2), totals are sums; an invoice bills its order's shipped
// lines; payments settle invoices in full or in part, some leave unapplied cash.
//
// At 3,000 customers: 10,500 contacts, 30,050 orders, ~75,000 lines, ~24,000
// invoices, ~21,000 payments (the issue's book).

/** SQL for one book. `reps` are the owners' user ids (customers are spread over them), `creator` places the orders. */
export function seedBookSql({ customers, reps, creator }) {
  const repArray = `array[${reps.map((r) => `'${r}'::uuid`).join(',')}]`;
  return `
begin;
-- a stable uuid from a text key: the same ids on every run
create or replace function pg_temp.uid(k text) returns uuid language sql immutable as $$ select md5(k)::uuid $$;

insert into products (id, sku, name, unit_price, unit_cost, tax_rate, reorder_point, on_hand, reserved, created_at, inventory_value)
select pg_temp.uid('p' || p), 'RACE-' || lpad(p::text, 3, '0'), 'Race product ' || p,
       (5 + (p * 37 % 400) + (p % 4) * 0.25)::numeric(14,2), (3 + (p * 37 % 400) / 2)::numeric(14,2),
       (array[0.2, 0.1, 0.05, 0])[1 + p % 4], 10, 1000000, 0, now(), 0
  from generate_series(1, 60) p;

insert into customers (id, name, email, phone, payment_terms_days, owner_id, credit_limit, on_hold, hold_reason, created_at)
select pg_temp.uid('c' || i), 'Race Customer ' || lpad(i::text, 5, '0'), 'ap' || i || '@race.example', '+1 555 ' || lpad(i::text, 6, '0'),
       30, (${repArray})[1 + i % ${reps.length}],
       case when i % 11 = 0 then null else (5000 + (i * 7919 % 40) * 1000)::numeric(14,2) end,
       i % 97 = 0, case when i % 97 = 0 then 'Race: held by hand' end, now()
  from generate_series(1, ${customers}) i;

-- 2 to 5 contacts each (3.5 on average)
insert into contacts (id, customer_id, first_name, last_name, email, phone, title, created_at)
select pg_temp.uid('k' || i || '.' || n), pg_temp.uid('c' || i), 'First' || n, 'Last' || lpad(((i * 31 + n * 7) % 1000)::text, 3, '0'),
       'k' || i || '.' || n || '@race.example', case when n % 2 = 0 then '+1 555 ' || lpad((i * 10 + n)::text, 7, '0') end, 'Buyer', now()
  from generate_series(1, ${customers}) i, generate_series(1, 2 + i % 4) n;

-- 10 orders each, 11 for every 60th customer; 1 to 4 lines each (2.5 on average).
-- Status by position: DRAFT, CONFIRMED, PARTIALLY_SHIPPED, CANCELLED or INVOICED (8 of 10).
create temporary table race_orders on commit drop as
select pg_temp.uid('o' || i || '.' || j) as id, i, j, pg_temp.uid('c' || i) as customer_id,
       'SO-R' || lpad(i::text, 5, '0') || '-' || lpad(j::text, 2, '0') as number,
       (current_date - ((i * 13 + j * 37) % 400))::date as order_date,
       case (i + j) % 20 when 0 then 'DRAFT' when 1 then 'CONFIRMED' when 2 then 'PARTIALLY_SHIPPED' when 3 then 'CANCELLED' else 'INVOICED' end::order_status as status,
       1 + (i * 3 + j) % 4 as line_count
  from generate_series(1, ${customers}) i, generate_series(1, case when i % 60 = 0 then 11 else 10 end) j;

create temporary table race_lines on commit drop as
select pg_temp.uid('l' || o.i || '.' || o.j || '.' || n) as id, o.id as order_id, n as line_no, o.status,
       pg_temp.uid('p' || (1 + (o.i * 7 + o.j * 3 + n) % 60)) as product_id,
       1 + (o.i + o.j * 5 + n) % 9 as quantity,
       (array[0, 0, 5, 10, 12.5])[1 + (o.i + n) % 5]::numeric as discount_percent
  from race_orders o, generate_series(1, o.line_count) n;

insert into orders (id, number, customer_id, status, order_date, subtotal, tax_total, total, created_by_id, cancel_reason, created_at)
select o.id, o.number, o.customer_id, o.status, o.order_date, 0, 0, 0, '${creator}', case when o.status = 'CANCELLED' then 'Race: cancelled' end, now()
  from race_orders o;

insert into order_lines (id, order_id, line_no, product_id, quantity, unit_price, discount_percent, tax_rate, line_net, tax_amount, shipped_quantity, invoiced_quantity)
select l.id, l.order_id, l.line_no, l.product_id, l.quantity, p.unit_price, l.discount_percent, p.tax_rate, x.net, round(x.net * p.tax_rate, 2),
       case l.status when 'INVOICED' then l.quantity when 'PARTIALLY_SHIPPED' then case when l.line_no = 1 then l.quantity else 0 end else 0 end,
       case l.status when 'INVOICED' then l.quantity else 0 end
  from race_lines l join products p on p.id = l.product_id,
       lateral (select round(p.unit_price * l.quantity * (1 - l.discount_percent / 100), 2) as net) x;

update orders o set subtotal = t.subtotal, tax_total = t.tax_total, total = t.subtotal + t.tax_total
  from (select order_id, sum(line_net) as subtotal, sum(tax_amount) as tax_total from order_lines group by order_id) t
 where t.order_id = o.id and o.id in (select id from race_orders);

-- One invoice per INVOICED order, issued 0 to 6 days after it, due after the customer's terms.
insert into invoices (id, number, customer_id, order_id, status, issue_date, due_date, subtotal, tax_total, total, amount_paid, created_at)
select pg_temp.uid('i' || r.i || '.' || r.j), 'INV-R' || lpad(r.i::text, 5, '0') || '-' || lpad(r.j::text, 2, '0'), r.customer_id, r.id,
       'OPEN', r.order_date + (r.j % 7), r.order_date + (r.j % 7) + 30, o.subtotal, o.tax_total, o.total, 0, now()
  from race_orders r join orders o on o.id = r.id
 where r.status = 'INVOICED';

insert into invoice_lines (id, invoice_id, order_line_id, quantity, line_net, tax_amount)
select pg_temp.uid('il' || l.id), pg_temp.uid('i' || r.i || '.' || r.j), l.id, l.quantity, l.line_net, l.tax_amount
  from race_orders r join order_lines l on l.order_id = r.id
 where r.status = 'INVOICED';

-- Payments. An invoice under 20 days old is unpaid (not yet due). Between 20 and 75 days: every 15th
-- unpaid (overdue, a WARNING), every 5th paid in half, the rest in full. Older: paid in full but for
-- every 97th (more than 60 days late: ON_HOLD). Every 25th payment brings 50.00 more than it applies.
create temporary table race_payments on commit drop as
select pg_temp.uid('y' || r.i || '.' || r.j) as id, inv.id as invoice_id, inv.customer_id,
       case when current_date - inv.issue_date < 75 and (r.i + r.j) % 5 = 0 then round(inv.total / 2, 2) else inv.total end as applied,
       case when (r.i * 3 + r.j) % 25 = 0 then 50.00 else 0 end as unapplied,
       least(current_date, inv.issue_date + 5 + (r.i + r.j) % 40) as received_on
  from race_orders r join invoices inv on inv.order_id = r.id
 where r.status = 'INVOICED' and inv.total > 0 and current_date - inv.issue_date >= 20
   and case when current_date - inv.issue_date < 75 then (r.i + r.j) % 15 <> 0 else (r.i * 7 + r.j) % 97 <> 0 end;

insert into payments (id, customer_id, amount, received_on, reference, unapplied_amount, created_at)
select id, customer_id, applied + unapplied, received_on, 'RACE', unapplied, now() from race_payments;

insert into payment_allocations (id, payment_id, invoice_id, amount)
select pg_temp.uid('a' || id), id, invoice_id, applied from race_payments;

update invoices i set amount_paid = y.applied, status = case when y.applied = i.total then 'PAID' else 'PARTIALLY_PAID' end::invoice_status
  from race_payments y where y.invoice_id = i.id;

-- Stock reserved for the confirmed and partly shipped orders' unshipped quantities.
update products p set reserved = r.q
  from (select l.product_id, sum(l.quantity - l.shipped_quantity) as q
          from order_lines l join orders o on o.id = l.order_id
         where o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED') group by l.product_id) r
 where r.product_id = p.id;
commit;
`;
}

/** What was written, counted from the tables. */
export const BOOK_COUNTS_SQL = `select (select count(*) from customers)::int as customers, (select count(*) from contacts)::int as contacts,
  (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as lines,
  (select count(*) from invoices)::int as invoices, (select count(*) from payments)::int as payments`;
