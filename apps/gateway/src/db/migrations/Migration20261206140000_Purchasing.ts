import { Migration } from '@mikro-orm/migrations';

/**
 * Purchasing and payables: suppliers, purchase orders at unit cost with what
 * was received and billed of each line, supplier bills (against a purchase
 * order or standalone) and their payments, each numbered from its own sequence.
 */
export class Migration20261206140000_Purchasing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "purchase_order_status" as enum ('OPEN', 'PARTIALLY_RECEIVED', 'RECEIVED');`);
    this.addSql(`create type "supplier_bill_status" as enum ('OPEN', 'PARTIALLY_PAID', 'PAID');`);
    this.addSql(`create table "suppliers" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(320) null, "payment_terms_days" int not null default 30, "created_at" timestamptz not null, constraint "suppliers_pkey" primary key ("id"));`);
    this.addSql(`create table "purchase_orders" ("id" uuid not null, "number" varchar(20) not null, "supplier_id" uuid not null, "status" "purchase_order_status" not null default 'OPEN', "total" numeric(14,2) not null, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "purchase_orders_pkey" primary key ("id"));`);
    this.addSql(`alter table "purchase_orders" add constraint "purchase_orders_number_unique" unique ("number");`);
    this.addSql(`create index "purchase_orders_supplier_id_index" on "purchase_orders" ("supplier_id");`);
    this.addSql(`create index "purchase_orders_status_index" on "purchase_orders" ("status");`);
    this.addSql(`create index "purchase_orders_created_at_index" on "purchase_orders" ("created_at");`);
    this.addSql(`create table "supplier_bills" ("id" uuid not null, "number" varchar(20) not null, "supplier_id" uuid not null, "purchase_order_id" uuid null, "supplier_reference" varchar(100) null, "bill_date" date not null, "due_date" date not null, "total" numeric(14,2) not null, "amount_paid" numeric(14,2) not null default '0.00', "status" "supplier_bill_status" not null default 'OPEN', "created_at" timestamptz not null, constraint "supplier_bills_pkey" primary key ("id"), constraint supplier_bills_paid_within_total check (amount_paid >= 0 and amount_paid <= total));`);
    this.addSql(`alter table "supplier_bills" add constraint "supplier_bills_number_unique" unique ("number");`);
    this.addSql(`create index "supplier_bills_purchase_order_id_index" on "supplier_bills" ("purchase_order_id");`);
    this.addSql(`create index "supplier_bills_status_index" on "supplier_bills" ("status");`);
    this.addSql(`create index "supplier_bills_supplier_id_due_date_index" on "supplier_bills" ("supplier_id", "due_date");`);
    this.addSql(`create table "supplier_payments" ("id" uuid not null, "bill_id" uuid not null, "amount" numeric(14,2) not null, "paid_on" date not null, "created_at" timestamptz not null, constraint "supplier_payments_pkey" primary key ("id"));`);
    this.addSql(`create index "supplier_payments_bill_id_index" on "supplier_payments" ("bill_id");`);
    this.addSql(`create table "purchase_order_lines" ("id" uuid not null, "purchase_order_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "quantity" int not null, "unit_cost" numeric(14,2) not null, "line_total" numeric(14,2) not null, "received_quantity" int not null default 0, "billed_quantity" int not null default 0, constraint "purchase_order_lines_pkey" primary key ("id"), constraint po_lines_received_within_ordered check (quantity > 0 and received_quantity between 0 and quantity and billed_quantity between 0 and received_quantity));`);
    this.addSql(`create index "purchase_order_lines_purchase_order_id_index" on "purchase_order_lines" ("purchase_order_id");`);
    this.addSql(`create index "purchase_order_lines_product_id_index" on "purchase_order_lines" ("product_id");`);
    this.addSql(`alter table "purchase_orders" add constraint "purchase_orders_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on update cascade;`);
    this.addSql(`alter table "purchase_orders" add constraint "purchase_orders_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "supplier_bills" add constraint "supplier_bills_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on update cascade;`);
    this.addSql(`alter table "supplier_bills" add constraint "supplier_bills_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_orders" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "supplier_payments" add constraint "supplier_payments_bill_id_foreign" foreign key ("bill_id") references "supplier_bills" ("id") on update cascade;`);
    this.addSql(`alter table "purchase_order_lines" add constraint "purchase_order_lines_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_orders" ("id") on update cascade;`);
    this.addSql(`alter table "purchase_order_lines" add constraint "purchase_order_lines_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade;`);
    this.addSql(`create sequence if not exists "purchase_order_number_seq";`);
    this.addSql(`create sequence if not exists "supplier_bill_number_seq";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "supplier_payments", "supplier_bills", "purchase_order_lines", "purchase_orders", "suppliers" cascade;`);
    this.addSql(`drop type if exists "supplier_bill_status";`);
    this.addSql(`drop type if exists "purchase_order_status";`);
    this.addSql(`drop sequence if exists "purchase_order_number_seq", "supplier_bill_number_seq";`);
  }
}
