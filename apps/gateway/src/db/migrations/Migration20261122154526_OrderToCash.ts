import { Migration } from '@mikro-orm/migrations';

export class Migration20261122154526_OrderToCash extends Migration {

  override async up(): Promise<void> {
    // Trigram indexes serve case-insensitive substring search (pg_trgm is a trusted extension).
    this.addSql(`create extension if not exists pg_trgm;`);
    // Human-readable document numbers, gap-tolerant and safe under concurrency.
    this.addSql(`create sequence if not exists order_number_seq;`);
    this.addSql(`create sequence if not exists invoice_number_seq;`);
    this.addSql(`create type "ticket_priority" as enum ('URGENT', 'HIGH', 'NORMAL', 'LOW');`);
    this.addSql(`create type "ticket_status" as enum ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED');`);
    this.addSql(`create type "order_status" as enum ('DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'CANCELLED');`);
    this.addSql(`create type "opportunity_stage" as enum ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST');`);
    this.addSql(`create type "invoice_status" as enum ('OPEN', 'PARTIALLY_PAID', 'PAID');`);
    this.addSql(`create type "activity_kind" as enum ('CALL', 'EMAIL', 'MEETING', 'NOTE', 'TASK');`);
    this.addSql(`create table "products" ("id" uuid not null, "sku" varchar(64) not null, "name" varchar(200) not null, "unit_price" numeric(14,2) not null, "unit_cost" numeric(14,2) not null, "tax_rate" numeric(9,4) not null, "reorder_point" int not null default 0, "on_hand" int not null default 0, "reserved" int not null default 0, "created_at" timestamptz not null, constraint "products_pkey" primary key ("id"), constraint products_stock_non_negative check (on_hand >= 0 and reserved >= 0 and reserved <= on_hand));`);
    this.addSql(`alter table "products" add constraint "products_sku_unique" unique ("sku");`);

    this.addSql(`create table "customers" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(320) null, "phone" varchar(50) null, "payment_terms_days" int not null default 30, "owner_id" uuid not null, "credit_limit" numeric(14,2) null, "on_hold" boolean not null default false, "hold_reason" text null, "created_at" timestamptz not null, constraint "customers_pkey" primary key ("id"));`);
    this.addSql(`create index "customers_owner_id_index" on "customers" ("owner_id");`);
    this.addSql(`create index "customers_name_trgm" on "customers" using gin (lower("name") gin_trgm_ops);`);
    this.addSql(`create index "customers_name_id_index" on "customers" ("name", "id");`);

    this.addSql(`create table "tickets" ("id" uuid not null, "customer_id" uuid not null, "subject" varchar(300) not null, "priority" "ticket_priority" not null, "status" "ticket_status" not null default 'OPEN', "sla_due_at" timestamptz not null, "resolved_at" timestamptz null, "created_at" timestamptz not null, constraint "tickets_pkey" primary key ("id"));`);
    this.addSql(`create index "tickets_customer_id_index" on "tickets" ("customer_id");`);
    this.addSql(`create index "tickets_sla_due_at_index" on "tickets" ("sla_due_at");`);
    this.addSql(`create index "tickets_customer_id_status_index" on "tickets" ("customer_id", "status");`);

    this.addSql(`create table "payments" ("id" uuid not null, "customer_id" uuid not null, "amount" numeric(14,2) not null, "received_on" date not null, "reference" varchar(100) null, "unapplied_amount" numeric(14,2) not null, "created_at" timestamptz not null, constraint "payments_pkey" primary key ("id"), constraint payments_amounts check (amount > 0 and unapplied_amount >= 0 and unapplied_amount <= amount));`);
    this.addSql(`create index "payments_customer_id_index" on "payments" ("customer_id");`);
    this.addSql(`create index "payments_received_on_index" on "payments" ("received_on");`);

    this.addSql(`create table "orders" ("id" uuid not null, "number" varchar(20) not null, "customer_id" uuid not null, "status" "order_status" not null default 'DRAFT', "order_date" date not null, "subtotal" numeric(14,2) not null, "tax_total" numeric(14,2) not null, "total" numeric(14,2) not null, "created_by_id" uuid not null, "cancel_reason" text null, "created_at" timestamptz not null, constraint "orders_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders" add constraint "orders_number_unique" unique ("number");`);
    this.addSql(`create index "orders_customer_id_index" on "orders" ("customer_id");`);
    this.addSql(`create index "orders_status_index" on "orders" ("status");`);
    this.addSql(`create index "orders_created_by_id_index" on "orders" ("created_by_id");`);
    this.addSql(`create index "orders_customer_id_order_date_index" on "orders" ("customer_id", "order_date");`);

    this.addSql(`create table "shipments" ("id" uuid not null, "order_id" uuid not null, "shipped_at" timestamptz not null, constraint "shipments_pkey" primary key ("id"));`);
    this.addSql(`create index "shipments_order_id_index" on "shipments" ("order_id");`);

    this.addSql(`create table "order_lines" ("id" uuid not null, "order_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "quantity" int not null, "unit_price" numeric(14,2) not null, "discount_percent" numeric(9,4) not null, "tax_rate" numeric(9,4) not null, "line_net" numeric(14,2) not null, "tax_amount" numeric(14,2) not null, "shipped_quantity" int not null default 0, "invoiced_quantity" int not null default 0, constraint "order_lines_pkey" primary key ("id"), constraint order_lines_quantities check (quantity > 0 and shipped_quantity between 0 and quantity and invoiced_quantity between 0 and shipped_quantity));`);
    this.addSql(`create index "order_lines_order_id_index" on "order_lines" ("order_id");`);
    this.addSql(`create index "order_lines_product_id_index" on "order_lines" ("product_id");`);

    this.addSql(`create table "shipment_lines" ("id" uuid not null, "shipment_id" uuid not null, "order_line_id" uuid not null, "product_id" uuid not null, "quantity" int not null, constraint "shipment_lines_pkey" primary key ("id"));`);
    this.addSql(`create index "shipment_lines_shipment_id_index" on "shipment_lines" ("shipment_id");`);
    this.addSql(`create index "shipment_lines_order_line_id_index" on "shipment_lines" ("order_line_id");`);
    this.addSql(`create index "shipment_lines_product_id_index" on "shipment_lines" ("product_id");`);

    this.addSql(`create table "opportunities" ("id" uuid not null, "customer_id" uuid not null, "owner_id" uuid not null, "name" varchar(200) not null, "stage" "opportunity_stage" not null, "amount" numeric(14,2) not null, "expected_close_date" date null, "lost_reason" text null, "closed_at" timestamptz null, "created_at" timestamptz not null, constraint "opportunities_pkey" primary key ("id"));`);
    this.addSql(`create index "opportunities_customer_id_index" on "opportunities" ("customer_id");`);
    this.addSql(`create index "opportunities_owner_id_index" on "opportunities" ("owner_id");`);
    this.addSql(`create index "opportunities_stage_index" on "opportunities" ("stage");`);
    this.addSql(`create index "opportunities_customer_id_expected_close_date_index" on "opportunities" ("customer_id", "expected_close_date");`);

    this.addSql(`create table "invoices" ("id" uuid not null, "number" varchar(20) not null, "customer_id" uuid not null, "order_id" uuid not null, "status" "invoice_status" not null default 'OPEN', "issue_date" date not null, "due_date" date not null, "subtotal" numeric(14,2) not null, "tax_total" numeric(14,2) not null, "total" numeric(14,2) not null, "amount_paid" numeric(14,2) not null default '0.00', "created_at" timestamptz not null, constraint "invoices_pkey" primary key ("id"), constraint invoices_paid_within_total check (amount_paid >= 0 and amount_paid <= total));`);
    this.addSql(`alter table "invoices" add constraint "invoices_number_unique" unique ("number");`);
    this.addSql(`create index "invoices_customer_id_index" on "invoices" ("customer_id");`);
    this.addSql(`create index "invoices_order_id_index" on "invoices" ("order_id");`);
    this.addSql(`create index "invoices_issue_date_index" on "invoices" ("issue_date");`);
    this.addSql(`create index "invoices_due_date_index" on "invoices" ("due_date");`);
    this.addSql(`create index "invoices_customer_id_status_due_date_index" on "invoices" ("customer_id", "status", "due_date");`);

    this.addSql(`create table "payment_allocations" ("id" uuid not null, "payment_id" uuid not null, "invoice_id" uuid not null, "amount" numeric(14,2) not null, constraint "payment_allocations_pkey" primary key ("id"), constraint payment_allocations_positive check (amount > 0));`);
    this.addSql(`create index "payment_allocations_payment_id_index" on "payment_allocations" ("payment_id");`);
    this.addSql(`create index "payment_allocations_invoice_id_index" on "payment_allocations" ("invoice_id");`);

    this.addSql(`create table "invoice_lines" ("id" uuid not null, "invoice_id" uuid not null, "order_line_id" uuid not null, "quantity" int not null, "line_net" numeric(14,2) not null, "tax_amount" numeric(14,2) not null, constraint "invoice_lines_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_lines_invoice_id_index" on "invoice_lines" ("invoice_id");`);
    this.addSql(`create index "invoice_lines_order_line_id_index" on "invoice_lines" ("order_line_id");`);

    this.addSql(`create table "contacts" ("id" uuid not null, "customer_id" uuid not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "email" varchar(320) null, "phone" varchar(50) null, "title" varchar(100) null, "created_at" timestamptz not null, constraint "contacts_pkey" primary key ("id"));`);
    this.addSql(`create index "contacts_customer_id_index" on "contacts" ("customer_id");`);
    this.addSql(`create index "contacts_search_trgm" on "contacts" using gin (lower("first_name" || ' ' || "last_name" || ' ' || coalesce("email", '')) gin_trgm_ops);`);
    this.addSql(`create index "contacts_last_name_first_name_id_index" on "contacts" ("last_name", "first_name", "id");`);

    this.addSql(`create table "activities" ("id" uuid not null, "customer_id" uuid not null, "contact_id" uuid null, "kind" "activity_kind" not null, "subject" varchar(300) not null, "occurred_at" timestamptz not null, "created_at" timestamptz not null, constraint "activities_pkey" primary key ("id"));`);
    this.addSql(`create index "activities_customer_id_index" on "activities" ("customer_id");`);
    this.addSql(`create index "activities_contact_id_index" on "activities" ("contact_id");`);
    this.addSql(`create index "activities_customer_id_occurred_at_index" on "activities" ("customer_id", "occurred_at");`);

    this.addSql(`alter table "customers" add constraint "customers_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "tickets" add constraint "tickets_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);

    this.addSql(`alter table "payments" add constraint "payments_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);

    this.addSql(`alter table "orders" add constraint "orders_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "shipments" add constraint "shipments_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);

    this.addSql(`alter table "order_lines" add constraint "order_lines_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);
    this.addSql(`alter table "order_lines" add constraint "order_lines_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade;`);

    this.addSql(`alter table "shipment_lines" add constraint "shipment_lines_shipment_id_foreign" foreign key ("shipment_id") references "shipments" ("id") on update cascade;`);
    this.addSql(`alter table "shipment_lines" add constraint "shipment_lines_order_line_id_foreign" foreign key ("order_line_id") references "order_lines" ("id") on update cascade;`);
    this.addSql(`alter table "shipment_lines" add constraint "shipment_lines_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade;`);

    this.addSql(`alter table "opportunities" add constraint "opportunities_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);
    this.addSql(`alter table "opportunities" add constraint "opportunities_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "invoices" add constraint "invoices_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);
    this.addSql(`alter table "invoices" add constraint "invoices_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);

    this.addSql(`alter table "payment_allocations" add constraint "payment_allocations_payment_id_foreign" foreign key ("payment_id") references "payments" ("id") on update cascade;`);
    this.addSql(`alter table "payment_allocations" add constraint "payment_allocations_invoice_id_foreign" foreign key ("invoice_id") references "invoices" ("id") on update cascade;`);

    this.addSql(`alter table "invoice_lines" add constraint "invoice_lines_invoice_id_foreign" foreign key ("invoice_id") references "invoices" ("id") on update cascade;`);
    this.addSql(`alter table "invoice_lines" add constraint "invoice_lines_order_line_id_foreign" foreign key ("order_line_id") references "order_lines" ("id") on update cascade;`);

    this.addSql(`alter table "contacts" add constraint "contacts_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);

    this.addSql(`alter table "activities" add constraint "activities_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);
    this.addSql(`alter table "activities" add constraint "activities_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists order_number_seq;`);
    this.addSql(`drop sequence if exists invoice_number_seq;`);
    this.addSql(`alter table "order_lines" drop constraint "order_lines_product_id_foreign";`);

    this.addSql(`alter table "shipment_lines" drop constraint "shipment_lines_product_id_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_customer_id_foreign";`);

    this.addSql(`alter table "payments" drop constraint "payments_customer_id_foreign";`);

    this.addSql(`alter table "orders" drop constraint "orders_customer_id_foreign";`);

    this.addSql(`alter table "opportunities" drop constraint "opportunities_customer_id_foreign";`);

    this.addSql(`alter table "invoices" drop constraint "invoices_customer_id_foreign";`);

    this.addSql(`alter table "contacts" drop constraint "contacts_customer_id_foreign";`);

    this.addSql(`alter table "activities" drop constraint "activities_customer_id_foreign";`);

    this.addSql(`alter table "payment_allocations" drop constraint "payment_allocations_payment_id_foreign";`);

    this.addSql(`alter table "shipments" drop constraint "shipments_order_id_foreign";`);

    this.addSql(`alter table "order_lines" drop constraint "order_lines_order_id_foreign";`);

    this.addSql(`alter table "invoices" drop constraint "invoices_order_id_foreign";`);

    this.addSql(`alter table "shipment_lines" drop constraint "shipment_lines_shipment_id_foreign";`);

    this.addSql(`alter table "shipment_lines" drop constraint "shipment_lines_order_line_id_foreign";`);

    this.addSql(`alter table "invoice_lines" drop constraint "invoice_lines_order_line_id_foreign";`);

    this.addSql(`alter table "payment_allocations" drop constraint "payment_allocations_invoice_id_foreign";`);

    this.addSql(`alter table "invoice_lines" drop constraint "invoice_lines_invoice_id_foreign";`);

    this.addSql(`alter table "activities" drop constraint "activities_contact_id_foreign";`);

    this.addSql(`drop table if exists "products" cascade;`);

    this.addSql(`drop table if exists "customers" cascade;`);

    this.addSql(`drop table if exists "tickets" cascade;`);

    this.addSql(`drop table if exists "payments" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "shipments" cascade;`);

    this.addSql(`drop table if exists "order_lines" cascade;`);

    this.addSql(`drop table if exists "shipment_lines" cascade;`);

    this.addSql(`drop table if exists "opportunities" cascade;`);

    this.addSql(`drop table if exists "invoices" cascade;`);

    this.addSql(`drop table if exists "payment_allocations" cascade;`);

    this.addSql(`drop table if exists "invoice_lines" cascade;`);

    this.addSql(`drop table if exists "contacts" cascade;`);

    this.addSql(`drop table if exists "activities" cascade;`);

    this.addSql(`drop type "ticket_priority";`);
    this.addSql(`drop type "ticket_status";`);
    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "opportunity_stage";`);
    this.addSql(`drop type "invoice_status";`);
    this.addSql(`drop type "activity_kind";`);
  }

}
