import * as domain from '@tandem/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { UserError } from '../../graphql/user-error.type';

/** What a journal entry records (the domain's LEDGER_SOURCES). */
export const JournalSource = Object.fromEntries(domain.LEDGER_SOURCES.map((s) => [s, s])) as { [K in domain.LedgerSource]: K };
export type JournalSource = domain.LedgerSource;
registerEnumType(JournalSource, {
  name: 'JournalSource',
  description: 'The business event a journal entry records.',
  valuesConfig: {
    INVOICE: { description: 'An invoice was issued.' },
    PAYMENT: { description: 'A customer payment was received.' },
    SHIPMENT: { description: 'Goods were shipped, at moving-average cost.' },
    STOCK_RECEIPT: { description: 'Goods were received from a supplier.' },
    STOCK_ADJUSTMENT: { description: 'Stock entered without a supplier (opening stock, a count).' },
    SUPPLIER_BILL: { description: 'A supplier bill was recorded.' },
    SUPPLIER_PAYMENT: { description: 'A supplier bill was paid.' },
  },
});

@ObjectType('LedgerAccount', { description: 'An account of the chart of accounts.' })
export class LedgerAccountType {
  @Field(() => String, { description: 'Its code, e.g. 1100.' }) code!: string;
  @Field(() => String, { description: 'Its name.' }) name!: string;
  @Field(() => String, { description: 'ASSET, LIABILITY, EQUITY, INCOME or EXPENSE.' }) type!: string;
}

@ObjectType('TrialBalanceLine', { description: 'One account’s net balance, in the debit or the credit column.' })
export class TrialBalanceLineType {
  @Field(() => LedgerAccountType, { description: 'The account.' }) account!: LedgerAccountType;
  @Field(() => DecimalScalar, { description: 'The balance when it is a debit, else 0.' }) debit!: string;
  @Field(() => DecimalScalar, { description: 'The balance when it is a credit, else 0.' }) credit!: string;
  @Field(() => DecimalScalar, { description: 'Debits − credits.' }) balance!: string;
}

@ObjectType('TrialBalance', { description: 'Every account’s balance as of a date; the totals are always equal.' })
export class TrialBalanceType {
  @Field(() => DateScalar, { description: 'The date it is as of (entries posted on or before it).' }) asOf!: string;
  @Field(() => [TrialBalanceLineType], { description: 'Every account, in code order.' }) lines!: TrialBalanceLineType[];
  @Field(() => DecimalScalar, { description: 'Σ debit column.' }) totalDebit!: string;
  @Field(() => DecimalScalar, { description: 'Σ credit column.' }) totalCredit!: string;
}

@ObjectType('JournalLine', { description: 'One line of a journal entry: a debit or a credit on one account.' })
export class JournalLineType {
  @Field(() => LedgerAccountType, { description: 'The account.' }) account!: LedgerAccountType;
  @Field(() => DecimalScalar, { description: 'The debit (0 on a credit line).' }) debit!: string;
  @Field(() => DecimalScalar, { description: 'The credit (0 on a debit line).' }) credit!: string;
  entryId!: string;
}

@ObjectType('JournalEntry', { description: 'A balanced, append-only ledger entry, written with the business event it records.' })
export class JournalEntryType {
  @Field(() => ID, { description: 'Its stable id.' }) id!: string;
  @Field(() => String, { description: 'Its number in the hash chain (1, 2, 3…).' }) number!: string;
  @Field(() => DateScalar, { description: 'The accounting date.' }) postedAt!: string;
  @Field(() => JournalSource, { description: 'The business event it records.' }) source!: JournalSource;
  @Field(() => String, { description: 'The document it records (an invoice or order number, a payment or product).' }) reference!: string;
  @Field(() => String, { description: 'One line saying what it is.' }) memo!: string;
}

@ObjectType('ClosePeriodPayload', { description: 'The closed date after closing, or userErrors.' })
export class ClosePeriodPayload {
  @Field(() => DateScalar, { nullable: true, description: 'The books are closed through this date; null on a refusal.' }) closedThrough!: string | null;
  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' }) userErrors!: UserError[];
}

@ObjectType('LedgerVerification', { description: 'The hash chain recomputed from the entries as stored.' })
export class LedgerVerificationType {
  @Field(() => Boolean, { description: 'True when every entry matches its hash and the chain is unbroken.' }) ok!: boolean;
  @Field(() => Int, { description: 'How many entries were checked (up to the first mismatch).' }) entriesChecked!: number;
  @Field(() => JournalEntryType, { nullable: true, description: 'The first entry that no longer matches; null when all do.' }) firstMismatch!: JournalEntryType | null;
}

export const JournalEntryConnection = ConnectionType(JournalEntryType, 'JournalEntry');
