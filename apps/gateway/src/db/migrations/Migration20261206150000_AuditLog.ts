import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail: who did what to which record, with its values before and
 * after, written by a consumer of the business events in the change's own
 * transaction. Append-only like the ledger: UPDATE, DELETE and TRUNCATE fail.
 */
export class Migration20261206150000_AuditLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" (
      "id" bigserial primary key,
      "at" timestamptz not null,
      "actor_id" uuid null references "users" ("id"),
      "action" varchar(60) not null,
      "entity_type" varchar(40) not null,
      "entity_id" varchar(100) not null,
      "before" jsonb null,
      "after" jsonb null
    );`);
    this.addSql(`create index "audit_log_entity_index" on "audit_log" ("entity_type", "entity_id", "id");`);
    this.addSql(`create function "audit_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit log is append-only: % refused', tg_op using errcode = 'LG001';
      end $$;`);
    this.addSql(`create trigger "audit_log_append_only" before update or delete on "audit_log" for each row execute function "audit_append_only"();`);
    this.addSql(`create trigger "audit_log_no_truncate" before truncate on "audit_log" for each statement execute function "audit_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop function if exists "audit_append_only"();`);
  }
}
