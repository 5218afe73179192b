import { IsInt, IsOptional, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DecimalScalar } from '../../graphql/scalars';

@ObjectType('Stock')
export class StockType {
  @Field(() => Int) onHand!: number;
  @Field(() => Int) reserved!: number;
  @Field(() => Int, { description: 'onHand − reserved' }) available!: number;
}

@ObjectType('Product')
export class ProductType {
  @Field(() => ID) id!: string;
  @Field(() => String) sku!: string;
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar) unitCost!: string;
  @Field(() => DecimalScalar, { description: 'e.g. "0.2000" for 20 %' }) taxRate!: string;
  @Field(() => Int) reorderPoint!: number;
  @Field(() => StockType) stock!: StockType;
}

@InputType()
export class CreateProductInput {
  @Field(() => String) @Length(1, 64, { message: 'must be 1 to 64 characters' }) @Matches(/^[A-Za-z0-9._-]+$/, { message: 'may hold only letters, digits, dot, dash and underscore' }) sku!: string;
  @Field(() => String) @Length(1, 200, { message: 'must be 1 to 200 characters' }) name!: string;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar, { nullable: true, defaultValue: '0.00' }) unitCost?: string | null;
  @Field(() => DecimalScalar, { nullable: true, defaultValue: '0', description: 'A fraction: "0.2" for 20 %.' }) taxRate?: string | null;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) @IsOptional() @IsInt() @Min(0, { message: 'must be 0 or more' }) reorderPoint?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Opening stock on hand.' }) @IsOptional() @IsInt() @Min(0, { message: 'must be 0 or more' }) initialStock?: number | null;
}

@InputType()
export class ReceiveStockInput {
  @Field(() => ID) productId!: string;
  @Field(() => Int) @IsInt() @Min(1, { message: 'must be a positive whole number' }) quantity!: number;
  @Field(() => String, { nullable: true }) reference?: string | null;
}

export const ProductConnection = ConnectionType(ProductType, 'Product');
