import { Migration } from '@mikro-orm/migrations';

/**
 * The front office: campaigns and leads (conversion keeps the lead, its
 * campaign and the customer it became), quotes with their lines and their
 * own number sequence, and the customer timeline written with each change.
 */
export class Migration20261206110000_FrontOffice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "quote_status" as enum ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT', 'ACCEPTED', 'EXPIRED', 'REJECTED');`);
    this.addSql(`create type "lead_status" as enum ('NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED');`);
    this.addSql(`create table "campaigns" ("id" uuid not null, "name" varchar(200) not null, "channel" varchar(60) not null, "cost" numeric(14,2) not null, "start_date" date not null, "created_at" timestamptz not null, constraint "campaigns_pkey" primary key ("id"));`);
    this.addSql(`create table "timeline_entries" ("id" uuid not null, "customer_id" uuid not null, "kind" varchar(40) not null, "readers" varchar(20) not null, "summary" text not null, "actor_id" uuid null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null, constraint "timeline_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "timeline_entries_customer_id_occurred_at_id_index" on "timeline_entries" ("customer_id", "occurred_at", "id");`);
    this.addSql(`create table "quotes" ("id" uuid not null, "number" varchar(20) not null, "customer_id" uuid not null, "opportunity_id" uuid null, "created_by_id" uuid not null, "status" "quote_status" not null, "valid_until" date not null, "requires_approval" boolean not null, "subtotal" numeric(14,2) not null, "tax_total" numeric(14,2) not null, "total" numeric(14,2) not null, "approved_by_id" uuid null, "order_id" uuid null, "created_at" timestamptz not null, constraint "quotes_pkey" primary key ("id"));`);
    this.addSql(`alter table "quotes" add constraint "quotes_number_unique" unique ("number");`);
    this.addSql(`create index "quotes_opportunity_id_index" on "quotes" ("opportunity_id");`);
    this.addSql(`create index "quotes_created_by_id_index" on "quotes" ("created_by_id");`);
    this.addSql(`alter table "quotes" add constraint "quotes_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "quotes_status_valid_until_index" on "quotes" ("status", "valid_until");`);
    this.addSql(`create index "quotes_customer_id_created_at_index" on "quotes" ("customer_id", "created_at");`);
    this.addSql(`create table "quote_lines" ("id" uuid not null, "quote_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "quantity" int not null, "unit_price" numeric(14,2) not null, "discount_percent" numeric(9,4) not null, "tax_rate" numeric(9,4) not null, "line_net" numeric(14,2) not null, "tax_amount" numeric(14,2) not null, constraint "quote_lines_pkey" primary key ("id"), constraint quote_lines_quantity check (quantity > 0));`);
    this.addSql(`create index "quote_lines_quote_id_index" on "quote_lines" ("quote_id");`);
    this.addSql(`create index "quote_lines_product_id_index" on "quote_lines" ("product_id");`);
    this.addSql(`create table "leads" ("id" uuid not null, "name" varchar(200) not null, "company" varchar(200) null, "email" varchar(320) null, "phone" varchar(50) null, "source" varchar(60) null, "status" "lead_status" not null default 'NEW', "owner_id" uuid not null, "campaign_id" uuid null, "converted_customer_id" uuid null, "converted_at" timestamptz null, "created_at" timestamptz not null, constraint "leads_pkey" primary key ("id"));`);
    this.addSql(`create index "leads_status_index" on "leads" ("status");`);
    this.addSql(`create index "leads_campaign_id_index" on "leads" ("campaign_id");`);
    this.addSql(`create index "leads_converted_customer_id_index" on "leads" ("converted_customer_id");`);
    this.addSql(`create index "leads_owner_id_created_at_index" on "leads" ("owner_id", "created_at");`);
    this.addSql(`alter table "timeline_entries" add constraint "timeline_entries_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);
    this.addSql(`alter table "timeline_entries" add constraint "timeline_entries_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "quotes" add constraint "quotes_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade;`);
    this.addSql(`alter table "quotes" add constraint "quotes_opportunity_id_foreign" foreign key ("opportunity_id") references "opportunities" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "quotes" add constraint "quotes_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "quotes" add constraint "quotes_approved_by_id_foreign" foreign key ("approved_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "quotes" add constraint "quotes_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "quote_lines" add constraint "quote_lines_quote_id_foreign" foreign key ("quote_id") references "quotes" ("id") on update cascade;`);
    this.addSql(`alter table "quote_lines" add constraint "quote_lines_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade;`);
    this.addSql(`alter table "leads" add constraint "leads_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "leads" add constraint "leads_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "leads" add constraint "leads_converted_customer_id_foreign" foreign key ("converted_customer_id") references "customers" ("id") on update cascade on delete set null;`);
    this.addSql(`create sequence if not exists "quote_number_seq";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "quote_number_seq";`);
    this.addSql(`drop table if exists "quote_lines" cascade;`);
    this.addSql(`drop table if exists "quotes" cascade;`);
    this.addSql(`drop table if exists "leads" cascade;`);
    this.addSql(`drop table if exists "campaigns" cascade;`);
    this.addSql(`drop table if exists "timeline_entries" cascade;`);
    this.addSql(`drop type if exists "quote_status";`);
    this.addSql(`drop type if exists "lead_status";`);
  }
}
