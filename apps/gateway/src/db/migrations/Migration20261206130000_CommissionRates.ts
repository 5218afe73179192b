import { Migration } from '@mikro-orm/migrations';

/** A sales user's own commission rate; null is the default (5 %). */
export class Migration20261206130000_CommissionRates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "commission_rate" numeric(9,4) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "commission_rate";`);
  }
}
