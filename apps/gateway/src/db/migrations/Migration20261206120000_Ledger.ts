import { Migration } from '@mikro-orm/migrations';

/**
 * The general ledger, guarded by the database itself:
 * - journal entries and lines are append-only: UPDATE, DELETE and TRUNCATE fail
 *   (corrections are reversing entries);
 * - each entry balances and has lines: a deferred constraint trigger checks it
 *   at commit, whatever code wrote it;
 * - nothing posts on or before the closed date: a trigger reads `closed_through`
 *   under a share lock, so a posting racing `closePeriod` either commits first
 *   or sees the new date;
 * - entries carry a hash chain (each hash covers the previous one), kept with
 *   the chain's head in `ledger_state`, one row.
 * Stock carries its value (moving average), so inventory on hand is valued
 * exactly as the inventory account says. Databases that predate the ledger
 * start with their existing stock at no value (see the README).
 */
export class Migration20261206120000_Ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "products" add column "inventory_value" numeric(14,2) not null default 0;`);
    this.addSql(`create table "ledger_state" (
      "id" int primary key check ("id" = 1),
      "closed_through" date null,
      -- the chain's head when the period was closed: no later entry may be dated on or before closed_through
      "closed_after_number" bigint null,
      "head_number" bigint not null default 0,
      "head_hash" char(64) not null default repeat('0', 64)
    );`);
    this.addSql(`insert into "ledger_state" ("id") values (1);`);
    this.addSql(`create table "journal_entries" (
      "id" uuid primary key,
      "number" bigint not null unique,
      "posted_at" date not null,
      "source" varchar(30) not null,
      "reference" varchar(100) not null,
      "memo" text not null,
      "actor_id" uuid null references "users" ("id"),
      "prev_hash" char(64) not null,
      "hash" char(64) not null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "journal_entries_posted_at_number_index" on "journal_entries" ("posted_at", "number");`);
    this.addSql(`create index "journal_entries_source_index" on "journal_entries" ("source");`);
    this.addSql(`create table "journal_lines" (
      "entry_id" uuid not null references "journal_entries" ("id"),
      "line_no" int not null,
      "account_code" varchar(10) not null,
      "debit" numeric(14,2) not null check ("debit" >= 0),
      "credit" numeric(14,2) not null check ("credit" >= 0),
      primary key ("entry_id", "line_no"),
      check (("debit" = 0) <> ("credit" = 0))
    );`);
    this.addSql(`create index "journal_lines_account_code_index" on "journal_lines" ("account_code");`);

    this.addSql(`create function "ledger_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'the ledger is append-only: % on % refused; post a reversing entry instead', tg_op, tg_table_name using errcode = 'LG001';
      end $$;`);
    for (const table of ['journal_entries', 'journal_lines']) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function "ledger_append_only"();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "ledger_append_only"();`);
    }

    this.addSql(`create function "ledger_entry_balances"() returns trigger language plpgsql as $$
      declare d numeric; c numeric; n int; entry uuid;
      begin
        if tg_table_name = 'journal_entries' then entry := new."id"; else entry := new."entry_id"; end if;
        select coalesce(sum("debit"), 0), coalesce(sum("credit"), 0), count(*) into d, c, n from "journal_lines" where "entry_id" = entry;
        if n < 2 or d <> c then
          raise exception 'journal entry % does not balance: % lines, debits %, credits %', entry, n, d, c using errcode = 'LG003';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "journal_lines_balance" after insert on "journal_lines" deferrable initially deferred for each row execute function "ledger_entry_balances"();`);
    this.addSql(`create constraint trigger "journal_entries_have_lines" after insert on "journal_entries" deferrable initially deferred for each row execute function "ledger_entry_balances"();`);

    this.addSql(`create function "ledger_open_period"() returns trigger language plpgsql as $$
      declare closed date;
      begin
        select "closed_through" into closed from "ledger_state" where "id" = 1 for share;
        if closed is not null and new."posted_at" <= closed then
          raise exception 'The books are closed through %; nothing can be posted on %.', closed, new."posted_at" using errcode = 'LG002';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "journal_entries_open_period" before insert on "journal_entries" for each row execute function "ledger_open_period"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "journal_lines" cascade;`);
    this.addSql(`drop table if exists "journal_entries" cascade;`);
    this.addSql(`drop table if exists "ledger_state" cascade;`);
    this.addSql(`drop function if exists "ledger_append_only"(), "ledger_entry_balances"(), "ledger_open_period"();`);
    this.addSql(`alter table "products" drop column "inventory_value";`);
  }
}
