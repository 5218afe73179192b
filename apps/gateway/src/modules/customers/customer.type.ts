import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';
import { ConnectionType } from '../../graphql/connection';
import { forbidden } from '../../graphql/errors';

export enum CreditStatus {
  OK = 'OK',
  WARNING = 'WARNING',
  OVER_LIMIT = 'OVER_LIMIT',
  ON_HOLD = 'ON_HOLD',
}
registerEnumType(CreditStatus, { name: 'CreditStatus' });

/** What a customer row carries into the graph; relations resolve through loaders. */
@ObjectType('Customer')
export class CustomerType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Int) paymentTermsDays!: number;
  ownerId!: string;
}

@ObjectType('Contact')
export class ContactType {
  @Field(() => ID) id!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String) lastName!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  customerId!: string;
}

/** The figures of a customer's credit position, as the domain computes them. */
export interface CreditFigures {
  limit: string | null;
  openReceivables: string;
  uninvoicedOrders: string;
  unappliedCredit: string;
  exposure: string;
  available: string | null;
  utilization: string | null;
  overdueAmount: string;
  status: CreditStatus;
  onHold: boolean;
  holdReason: string | null;
}

/**
 * A customer's credit position. Every figure is nullable because it fails at
 * its own path (FORBIDDEN) for roles that may not read it. The credit loader marks it `restricted` for
 * roles that may read only `status` and `onHold` (SUPPORT); every other field
 * then fails at its own path with FORBIDDEN while the rest of the answer arrives.
 */
@ObjectType('Credit')
export class CreditType {
  constructor(
    private readonly figures: CreditFigures,
    private readonly restricted: boolean,
  ) {}

  private guarded<K extends keyof CreditFigures>(key: K): CreditFigures[K] {
    if (this.restricted) throw forbidden(`Your role may read only credit.status and credit.onHold, not credit.${key}.`);
    return this.figures[key];
  }

  @Field(() => DecimalScalar, { nullable: true, description: 'null = no limit; "0.00" = nothing on credit.' })
  get limit() {
    return this.guarded('limit');
  }
  @Field(() => DecimalScalar, { nullable: true, description: 'Σ balanceDue of OPEN and PARTIALLY_PAID invoices.' })
  get openReceivables() {
    return this.guarded('openReceivables');
  }
  @Field(() => DecimalScalar, { nullable: true, description: 'Value (net + tax) of confirmed, not yet invoiced quantities.' })
  get uninvoicedOrders() {
    return this.guarded('uninvoicedOrders');
  }
  @Field(() => DecimalScalar, { nullable: true, description: 'Payments received but not allocated to an invoice.' })
  get unappliedCredit() {
    return this.guarded('unappliedCredit');
  }
  @Field(() => DecimalScalar, { nullable: true, description: 'openReceivables + uninvoicedOrders − unappliedCredit.' })
  get exposure() {
    return this.guarded('exposure');
  }
  @Field(() => DecimalScalar, { nullable: true, description: 'limit − exposure; null without a limit.' })
  get available() {
    return this.guarded('available');
  }
  @Field(() => DecimalScalar, { nullable: true, description: 'exposure / limit; null without a positive limit.' })
  get utilization() {
    return this.guarded('utilization');
  }
  @Field(() => DecimalScalar, { nullable: true, description: 'Σ balanceDue of invoices due before today.' })
  get overdueAmount() {
    return this.guarded('overdueAmount');
  }
  @Field(() => CreditStatus)
  get status() {
    return this.figures.status;
  }
  @Field(() => Boolean)
  get onHold() {
    return this.figures.onHold;
  }
  @Field(() => String, { nullable: true })
  get holdReason() {
    return this.guarded('holdReason');
  }
}

@ObjectType('CreditCheck')
export class CreditCheckType {
  @Field(() => Boolean) approved!: boolean;
  @Field(() => String, { nullable: true, description: 'CREDIT_HOLD or CREDIT_LIMIT_EXCEEDED when refused.' }) reason!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) limit!: string | null;
  @Field(() => DecimalScalar) exposureBefore!: string;
  @Field(() => DecimalScalar) exposureAfter!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'limit − exposureAfter; null without a limit.' }) available!: string | null;
}

@InputType()
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' }) search?: string | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => Boolean, { nullable: true }) onHold?: boolean | null;
}

export const CustomerConnection = ConnectionType(CustomerType, 'Customer');
export const ContactConnection = ConnectionType(ContactType, 'Contact');
