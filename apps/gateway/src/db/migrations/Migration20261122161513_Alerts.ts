import { Migration } from '@mikro-orm/migrations';

export class Migration20261122161513_Alerts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "alert_kind" as enum ('CREDIT_LIMIT_EXCEEDED', 'CREDIT_WARNING', 'CREDIT_HOLD', 'INVOICE_OVERDUE', 'LOW_STOCK', 'SLA_BREACH', 'DEAL_WON');`);
    this.addSql(`create type "alert_severity" as enum ('INFO', 'WARNING', 'CRITICAL');`);
    this.addSql(`create table "alerts" ("id" bigserial primary key, "kind" "alert_kind" not null, "severity" "alert_severity" not null, "message" text not null, "customer_id" uuid null, "order_id" uuid null, "invoice_id" uuid null, "product_id" uuid null, "ticket_id" uuid null, "opportunity_id" uuid null, "audience_roles" text[] not null, "audience_user_ids" uuid[] not null, "event_key" varchar(300) not null, "created_at" timestamptz not null, "acknowledged_at" timestamptz null, "acknowledged_by_id" uuid null);`);
    this.addSql(`create index "alerts_kind_index" on "alerts" ("kind");`);
    this.addSql(`create index "alerts_customer_id_index" on "alerts" ("customer_id");`);
    this.addSql(`create index "alerts_order_id_index" on "alerts" ("order_id");`);
    this.addSql(`create index "alerts_invoice_id_index" on "alerts" ("invoice_id");`);
    this.addSql(`create index "alerts_product_id_index" on "alerts" ("product_id");`);
    this.addSql(`alter table "alerts" add constraint "alerts_event_key_unique" unique ("event_key");`);
    this.addSql(`create index "alerts_acknowledged_by_id_index" on "alerts" ("acknowledged_by_id");`);
    this.addSql(`create index "alerts_acknowledged_at_index" on "alerts" ("acknowledged_at");`);
    this.addSql(`create index "alerts_audience_user_ids_gin" on "alerts" using gin ("audience_user_ids");`);
    this.addSql(`create index "alerts_audience_roles_gin" on "alerts" using gin ("audience_roles");`);

    this.addSql(`alter table "alerts" add constraint "alerts_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "alerts" add constraint "alerts_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "alerts" add constraint "alerts_invoice_id_foreign" foreign key ("invoice_id") references "invoices" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "alerts" add constraint "alerts_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "alerts" add constraint "alerts_acknowledged_by_id_foreign" foreign key ("acknowledged_by_id") references "users" ("id") on update cascade on delete set null;`);



  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alerts" cascade;`);




    this.addSql(`drop type "alert_kind";`);
    this.addSql(`drop type "alert_severity";`);
  }

}
