import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { DateScalar } from '../../graphql/scalars';
import { ClosePeriodPayload, JournalEntryConnection, JournalEntryType, JournalLineType, JournalSource, LedgerVerificationType, TrialBalanceType } from './ledger.type';

/** The general ledger over the API (FINANCE, ADMIN). Thin: the services decide. */
@Resolver(() => JournalEntryType)
export class LedgerResolver {
  @Query(() => TrialBalanceType, { nullable: true, description: 'Every account’s balance as of a date (default today); debits always equal credits. FINANCE and ADMIN.' })
  trialBalance(@Arg('asOf', () => DateScalar, { nullable: true, description: 'Entries posted on or before this date.' }) asOf: string | null, @Ctx() ctx: Context) {
    return ctx.services.ledgerQueries.trialBalance(ctx.em, ctx.viewer, asOf);
  }

  @Query(() => JournalEntryConnection, { nullable: true, description: 'Journal entries, newest first, filtered by date range, source and account. FINANCE and ADMIN.' })
  journalEntries(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Posted on or after this date.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Posted on or before this date.' }) to: string | null,
    @Arg('source', () => [JournalSource], { nullable: true, description: 'Only entries recording these events.' }) source: JournalSource[] | null,
    @Arg('accountCode', () => String, { nullable: true, description: 'Only entries with a line on this account (e.g. 1100).' }) accountCode: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.ledgerQueries.journalEntries(ctx.em, ctx.viewer, { first, after, from, to, source, accountCode });
  }

  @Query(() => LedgerVerificationType, { nullable: true, description: 'Recomputes the ledger’s hash chain and reports the first entry that no longer matches. FINANCE and ADMIN.' })
  verifyLedger(@Ctx() ctx: Context) {
    return ctx.services.ledgerQueries.verifyLedger(ctx.em, ctx.viewer);
  }

  @Mutation(() => ClosePeriodPayload, { description: 'Closes the books through an ended date, forward only; afterwards nothing dated on or before it posts (PERIOD_CLOSED). FINANCE and ADMIN.' })
  async closePeriod(@Arg('through', () => DateScalar, { description: 'The last date of the period to close.' }) through: string, @Ctx() ctx: Context): Promise<ClosePeriodPayload> {
    const r = await ctx.services.periodClose.close(ctx.em, ctx.viewer, through);
    return r.ok ? { closedThrough: r.value, userErrors: [] } : { closedThrough: null, userErrors: r.userErrors };
  }

  @FieldResolver(() => [JournalLineType], { description: 'Its lines, in order; debits equal credits.' })
  lines(@Root() e: JournalEntryType, @Ctx() ctx: Context) {
    return ctx.loaders.ledger.linesByEntry.load(e.id);
  }
}
