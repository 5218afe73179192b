import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';

@ObjectType('Kpis', { description: 'The business KPIs of a period, each by the domain’s definition.' })
export class KpisType {
  @Field(() => DecimalScalar, { description: 'Σ subtotals (net of tax) of invoices issued in the period.' }) revenue!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Receivables open at the period’s end ÷ revenue × days in the period, to one decimal; null without revenue.' })
  daysSalesOutstanding!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'What customers have paid, on average per invoiced customer; null without customers.' })
  averageCustomerLifetimeValue!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Cost of the campaigns started in the period ÷ customers converted from their leads; null when none converted.' })
  customerAcquisitionCost!: string | null;
  @Field(() => DecimalScalar, { description: 'Σ amount × stage probability of the deals open now, rounded once.' }) pipelineWeighted!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Deals won ÷ (won + lost) among those closed in the period, 4 places; null when none closed.' })
  winRate!: string | null;
}

@ObjectType('Commission', { description: 'A sales user’s commission for a period.' })
export class CommissionType {
  @Field(() => DecimalScalar, { description: 'Σ subtotals (net of tax) of its customers’ invoices fully paid in the period.' }) paidRevenue!: string;
  @Field(() => DecimalScalar, { description: 'Its rate as a fraction (0.05 unless set).' }) rate!: string;
  @Field(() => DecimalScalar, { description: 'rate × paidRevenue, rounded once.' }) amount!: string;
  repId!: string;
}
