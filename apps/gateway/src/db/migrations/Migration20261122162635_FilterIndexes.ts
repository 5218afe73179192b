import { Migration } from '@mikro-orm/migrations';

export class Migration20261122162635_FilterIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "products_low_stock" on "products" (("on_hand" - "reserved" - "reorder_point"));`);

    this.addSql(`create index "customers_on_hold_partial" on "customers" ("name", "id") where "on_hold";`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customers_on_hold_partial";`);

    this.addSql(`drop index "products_low_stock";`);
  }

}
