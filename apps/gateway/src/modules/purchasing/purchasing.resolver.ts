import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { ProductType } from '../catalog/product.type';
import { PurchaseOrderStatus } from './purchase-order.entity';
import { CreatePurchaseOrderInput, CreateSupplierInput, PaySupplierBillInput, PurchaseQuantityInput, RecordSupplierBillInput } from './purchasing.input';
import { purchaseOrderOf, supplierBillOf, supplierOf } from './purchasing.rows';
import { PurchaseOrderConnection, PurchaseOrderLineType, PurchaseOrderType, SupplierBillType, SupplierConnection, SupplierType } from './purchasing.type';

const SupplierPayload = PayloadType(SupplierType, 'supplier', 'SupplierPayload');
const PurchaseOrderPayload = PayloadType(PurchaseOrderType, 'purchaseOrder', 'PurchaseOrderPayload');
const SupplierBillPayload = PayloadType(SupplierBillType, 'bill', 'SupplierBillPayload');

/** Purchasing and payables over the API. Thin: the services decide. */
@Resolver(() => PurchaseOrderType)
export class PurchasingResolver {
  @Query(() => SupplierConnection, { nullable: true, description: 'Suppliers, newest first. FINANCE, WAREHOUSE and ADMIN.' })
  suppliers(@Arg('first', () => Int) first: number, @Arg('after', () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context) {
    return ctx.services.purchasingQueries.suppliers(ctx.em, ctx.viewer, { first, after });
  }

  @Query(() => PurchaseOrderConnection, { nullable: true, description: 'Purchase orders, newest first. FINANCE, WAREHOUSE and ADMIN.' })
  purchaseOrders(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => [PurchaseOrderStatus], { nullable: true, description: 'Only orders in these statuses.' }) status: PurchaseOrderStatus[] | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.purchasingQueries.purchaseOrders(ctx.em, ctx.viewer, { first, after, status });
  }

  @Mutation(() => SupplierPayload, { description: 'Records a supplier (FINANCE, ADMIN).' })
  async createSupplier(@Arg('input', () => CreateSupplierInput) input: CreateSupplierInput, @Ctx() ctx: Context) {
    return toPayload('supplier', await ctx.services.purchasing.createSupplier(ctx.em, ctx.viewer, input), supplierOf);
  }

  @Mutation(() => PurchaseOrderPayload, { description: 'Orders products from a supplier at unit cost (FINANCE, WAREHOUSE, ADMIN).' })
  async createPurchaseOrder(@Arg('input', () => CreatePurchaseOrderInput) input: CreatePurchaseOrderInput, @Ctx() ctx: Context) {
    return toPayload('purchaseOrder', await ctx.services.purchasing.createPurchaseOrder(ctx.em, ctx.viewer, input), purchaseOrderOf);
  }

  @Mutation(() => PurchaseOrderPayload, { description: 'Receives a purchase order, whole or by line: stock on hand rises at once (WAREHOUSE, ADMIN).' })
  async receivePurchaseOrder(
    @Arg('id', () => ID) id: string,
    @Arg('lines', () => [PurchaseQuantityInput], { nullable: true, description: 'What arrived (default: everything outstanding).' }) lines: PurchaseQuantityInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return toPayload('purchaseOrder', await ctx.services.purchasing.receive(ctx.em, ctx.viewer, id, lines), purchaseOrderOf);
  }

  @Mutation(() => SupplierBillPayload, { description: 'Records a supplier bill, against what a purchase order received or standalone (FINANCE, ADMIN).' })
  async recordSupplierBill(@Arg('input', () => RecordSupplierBillInput) input: RecordSupplierBillInput, @Ctx() ctx: Context) {
    return toPayload('bill', await ctx.services.purchasing.recordBill(ctx.em, ctx.viewer, input), supplierBillOf);
  }

  @Mutation(() => SupplierBillPayload, { description: 'Pays a supplier bill, in part or in full; never more than its balance (FINANCE, ADMIN).' })
  async paySupplierBill(@Arg('input', () => PaySupplierBillInput) input: PaySupplierBillInput, @Ctx() ctx: Context) {
    return toPayload('bill', await ctx.services.purchasing.payBill(ctx.em, ctx.viewer, input), supplierBillOf);
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'The supplier.' })
  supplier(@Root() o: PurchaseOrderType, @Ctx() ctx: Context) {
    return ctx.loaders.purchasing.supplier.load(o.supplierId);
  }

  @FieldResolver(() => [PurchaseOrderLineType], { description: 'Its lines, in order.' })
  lines(@Root() o: PurchaseOrderType, @Ctx() ctx: Context) {
    return ctx.loaders.purchasing.linesByPurchaseOrder.load(o.id);
  }
}

/** A bill's supplier and a purchase order line's product. */
@Resolver(() => SupplierBillType)
export class SupplierBillFields {
  @FieldResolver(() => SupplierType, { nullable: true, description: 'The supplier.' })
  supplier(@Root() b: SupplierBillType, @Ctx() ctx: Context) {
    return ctx.loaders.purchasing.supplier.load(b.supplierId);
  }
}

@Resolver(() => PurchaseOrderLineType)
export class PurchaseOrderLineFields {
  @FieldResolver(() => ProductType, { description: 'The product.' })
  async product(@Root() l: PurchaseOrderLineType, @Ctx() ctx: Context) {
    const p = await ctx.loaders.products.product.load(l.productId);
    if (!p) throw new Error(`product ${l.productId} missing`);
    return p;
  }
}
