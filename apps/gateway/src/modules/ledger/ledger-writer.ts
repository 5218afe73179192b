import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { randomUUID } from 'node:crypto';
import { lockLedger } from '../../db/locks';
import { query } from '../../db/sql';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { entryHash } from './ledger-hash';

/**
 * Writes postings as journal entries in the caller's transaction: under the
 * ledger lock it checks each date against the closed period (the domain's
 * postToLedger: PERIOD_CLOSED refuses the whole change), numbers the entries,
 * extends the hash chain and moves its head. The database checks again what
 * it can (balance at commit, the closed date, append-only). A posting of
 * zero (stock that cost nothing) writes no entry.
 */
export async function postEntries(tx: EntityManager, postings: readonly domain.LedgerPosting[], actorId: string | null): Promise<void> {
  if (postings.length === 0) return;
  const state = await lockLedger(tx);
  let number = state.headNumber;
  let prevHash = state.headHash;
  for (const p of postings) {
    const posted = domain.postToLedger(p, state.closedThrough);
    if (!posted.ok) throw new Refused(UserErrorCode.PERIOD_CLOSED, posted.message);
    // A movement worth nothing (stock at no cost) moves no money: there is nothing to post.
    if (posted.value.lines.length === 0) continue;
    number += 1n;
    const lines = posted.value.lines.map((l) => ({ accountCode: domain.CHART_OF_ACCOUNTS[l.account].code, debit: l.debit.toFixed(2), credit: l.credit.toFixed(2) }));
    const hash = entryHash(prevHash, { number, postedAt: p.date, source: p.source, reference: p.reference, lines });
    const id = randomUUID();
    await query(tx, `insert into journal_entries (id, number, posted_at, source, reference, memo, actor_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      id,
      number.toString(),
      p.date,
      p.source,
      p.reference,
      p.memo,
      actorId,
      prevHash,
      hash,
    ]);
    await query(
      tx,
      `insert into journal_lines (entry_id, line_no, account_code, debit, credit) values ${lines.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      lines.flatMap((l, i) => [id, i + 1, l.accountCode, l.debit, l.credit]),
    );
    prevHash = hash;
  }
  await query(tx, `update ledger_state set head_number = ?, head_hash = ? where id = 1`, [number.toString(), prevHash]);
}
