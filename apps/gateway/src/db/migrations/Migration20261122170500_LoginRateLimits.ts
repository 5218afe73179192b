import { Migration } from '@mikro-orm/migrations';

/** The table rate-limiter-flexible keeps failed sign-ins in (its own layout; not a MikroORM entity). */
export class Migration20261122170500_LoginRateLimits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "login_rate_limits" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_rate_limits";`);
  }
}
