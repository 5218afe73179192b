import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, query } from '../../db/sql';
import { accountOf } from './ledger-accounts';
import type { JournalLineType } from './ledger.type';

/** Per-request loaders for the ledger; reached only through an entry the viewer may read. */
export function createLedgerLoaders(em: EntityManager) {
  return {
    linesByEntry: new DataLoader<string, JournalLineType[]>(async (entryIds) => {
      const rows = await query<{ entry_id: string; account_code: string; debit: string; credit: string }>(
        em,
        'select entry_id, account_code, debit::text as debit, credit::text as credit from journal_lines where entry_id in (?) order by entry_id, line_no',
        [[...entryIds]],
      );
      return groupBy(entryIds, rows, (r) => r.entry_id).map((g) => g.map((r) => ({ entryId: r.entry_id, account: accountOf(r.account_code), debit: r.debit, credit: r.credit })));
    }),
  };
}
