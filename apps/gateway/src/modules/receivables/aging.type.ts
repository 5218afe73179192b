import { Field, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';

@ObjectType('AgingBuckets')
export class AgingBucketsType {
  @Field(() => DecimalScalar) notDue!: string;
  @Field(() => DecimalScalar) days1To30!: string;
  @Field(() => DecimalScalar) days31To60!: string;
  @Field(() => DecimalScalar) days61To90!: string;
  @Field(() => DecimalScalar) over90!: string;
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType('AgingRow')
export class AgingRowType extends AgingBucketsType {
  customerId!: string;
}

@ObjectType('ReceivablesAging')
export class ReceivablesAgingType {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => AgingBucketsType) total!: AgingBucketsType;
  @Field(() => [AgingRowType]) customers!: AgingRowType[];
}
