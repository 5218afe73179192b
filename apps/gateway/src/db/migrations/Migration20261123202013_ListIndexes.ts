import { Migration } from '@mikro-orm/migrations';

/** Keyset order of the orders, invoices and payments lists (newest first), and a customer's payments. */
export class Migration20261123202013_ListIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "orders_order_date_number_index" on "orders" ("order_date", "number");`);
    this.addSql(`create index "invoices_issue_date_number_index" on "invoices" ("issue_date", "number");`);
    this.addSql(`create index "payments_customer_id_received_on_index" on "payments" ("customer_id", "received_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "payments_customer_id_received_on_index";`);
    this.addSql(`drop index "invoices_issue_date_number_index";`);
    this.addSql(`drop index "orders_order_date_number_index";`);
  }
}
