import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { assertMayReadLedger, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { query, todayUtc } from '../../db/sql';
import type { ConnectionValue } from '../../graphql/connection';
import { badUserInput } from '../../graphql/errors';
import { datedConnection, dateRangeSql, type DateKeyset, type Sql } from '../../graphql/keyset';
import { ACCOUNT_BY_CODE, accountOf } from './ledger-accounts';
import { entryHash, GENESIS_HASH } from './ledger-hash';
import type { JournalEntryType, JournalSource, LedgerVerificationType, TrialBalanceType } from './ledger.type';

/** Newest first by accounting date, then by number (zero-padded, so text order is number order). */
const NEWEST_FIRST: DateKeyset = { date: 'e.posted_at', tie: `lpad(e.number::text, 20, '0')`, tieIsUuid: false, descending: true };

export interface JournalEntryRow {
  id: string;
  number: string;
  posted_at: string;
  source: JournalSource;
  reference: string;
  memo: string;
}

const ENTRY_COLUMNS = `e.id, e.number::text as number, e.posted_at::text as posted_at, e.source, e.reference, e.memo`;
const toEntry = (r: JournalEntryRow): JournalEntryType => ({ id: r.id, number: r.number, postedAt: r.posted_at, source: r.source, reference: r.reference, memo: r.memo });

/** How many entries verifyLedger reads at a time. */
const VERIFY_BATCH = 2000;

/** Reads of the ledger: FINANCE and ADMIN only. The numbers are the domain's (trial balance). */
export class LedgerQueryService {
  /** Every account's balance from the entries dated on or before `asOf` (default today), summed by the database. */
  async trialBalance(em: EntityManager, viewer: Viewer | null, asOf: string | null | undefined): Promise<TrialBalanceType> {
    assertMayReadLedger(requireViewer(viewer));
    const date = asOf ?? todayUtc();
    const rows = await query<{ account_code: string; balance: string }>(
      em,
      `select l.account_code, (sum(l.debit) - sum(l.credit))::text as balance
         from journal_lines l join journal_entries e on e.id = l.entry_id
        where e.posted_at <= ? group by l.account_code`,
      [date],
    );
    const balances = Object.fromEntries(rows.map((r) => [ACCOUNT_BY_CODE.get(r.account_code)!.key, r.balance]));
    const tb = domain.trialBalanceOf(balances, date);
    return {
      asOf: date,
      lines: tb.lines.map((l) => ({ account: accountOf(l.account.code), debit: domain.formatMoney(l.debit), credit: domain.formatMoney(l.credit), balance: domain.formatMoney(l.balance) })),
      totalDebit: domain.formatMoney(tb.totalDebit),
      totalCredit: domain.formatMoney(tb.totalCredit),
    };
  }

  async journalEntries(
    em: EntityManager,
    viewer: Viewer | null,
    args: { first: number; after?: string | null; from?: string | null; to?: string | null; source?: JournalSource[] | null; accountCode?: string | null },
  ): Promise<ConnectionValue<JournalEntryType>> {
    assertMayReadLedger(requireViewer(viewer));
    const where: Sql[] = dateRangeSql('e.posted_at', args.from, args.to, ['from', 'to']);
    if (args.source?.length) where.push({ sql: 'e.source in (?)', params: [args.source] });
    if (args.accountCode != null) {
      if (!ACCOUNT_BY_CODE.has(args.accountCode)) throw badUserInput(`accountCode must be one of ${[...ACCOUNT_BY_CODE.keys()].join(', ')}`, ['accountCode']);
      where.push({ sql: 'exists (select 1 from journal_lines l where l.entry_id = e.id and l.account_code = ?)', params: [args.accountCode] });
    }
    return datedConnection<JournalEntryRow & { sort_date: string; sort_tie: string }, JournalEntryType>(em, {
      select: ENTRY_COLUMNS,
      from: 'journal_entries e',
      where,
      keyset: NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: toEntry,
    });
  }

  /**
   * Recomputes the hash chain from the entries as stored, oldest first: each
   * entry must follow the previous one (number + 1, its prev_hash the previous
   * hash) and hash to what it stores; the chain must end at the ledger's head.
   * Reports the first entry that does not.
   */
  async verifyLedger(em: EntityManager, viewer: Viewer | null): Promise<LedgerVerificationType> {
    assertMayReadLedger(requireViewer(viewer));
    let prevHash = GENESIS_HASH;
    let expected = 1n;
    let checked = 0;
    for (;;) {
      const entries = await query<JournalEntryRow & { prev_hash: string; hash: string }>(
        em,
        `select ${ENTRY_COLUMNS}, e.prev_hash, e.hash from journal_entries e where e.number >= ? order by e.number limit ?`,
        [expected.toString(), VERIFY_BATCH],
      );
      if (entries.length === 0) break;
      const lines = await query<{ entry_id: string; account_code: string; debit: string; credit: string }>(
        em,
        `select entry_id, account_code, debit::text as debit, credit::text as credit from journal_lines where entry_id in (?) order by entry_id, line_no`,
        [entries.map((e) => e.id)],
      );
      const byEntry = new Map<string, { accountCode: string; debit: string; credit: string }[]>();
      for (const l of lines) byEntry.set(l.entry_id, [...(byEntry.get(l.entry_id) ?? []), { accountCode: l.account_code, debit: l.debit, credit: l.credit }]);
      for (const e of entries) {
        const hash = entryHash(prevHash, { number: e.number, postedAt: e.posted_at, source: e.source, reference: e.reference, lines: byEntry.get(e.id) ?? [] });
        if (BigInt(e.number) !== expected || e.prev_hash !== prevHash || e.hash !== hash) return { ok: false, entriesChecked: checked, firstMismatch: toEntry(e) };
        prevHash = e.hash;
        expected += 1n;
        checked += 1;
      }
    }
    const [head] = await query<{ head_number: string; head_hash: string }>(em, 'select head_number::text as head_number, head_hash from ledger_state where id = 1');
    const ok = BigInt(head.head_number) === expected - 1n && head.head_hash === prevHash;
    return { ok, entriesChecked: checked, firstMismatch: null };
  }
}
