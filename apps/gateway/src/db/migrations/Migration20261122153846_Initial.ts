import { Migration } from '@mikro-orm/migrations';

export class Migration20261122153846_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "user_role" as enum ('ADMIN', 'SALES_MANAGER', 'SALES_REP', 'FINANCE', 'WAREHOUSE', 'SUPPORT');`);
    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "role" "user_role" not null, "password_hash" varchar(200) not null, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create index "users_role_index" on "users" ("role");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop type "user_role";`);
  }

}
