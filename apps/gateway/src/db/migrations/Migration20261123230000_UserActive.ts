import { Migration } from '@mikro-orm/migrations';

/** A user can be switched off without deleting it: its tokens stop working at once and it cannot sign in. */
export class Migration20261123230000_UserActive extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "active" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "active";`);
  }
}
