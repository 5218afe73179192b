import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertMayReadCommercial, assertMayReadCustomers, requireViewer } from '../../auth/policy';
import type { Context } from '../../context';
import { ProductType } from '../catalog/product.type';
import { CustomerType } from '../customers/customer.type';
import { InvoiceType } from '../receivables/invoice.type';
import { OrderLineType, OrderType, ShipmentLineType } from './order.type';

async function product(productId: string, ctx: Context) {
  const p = await ctx.loaders.products.product.load(productId);
  if (!p) throw new Error(`product ${productId} missing`);
  return p;
}

@Resolver(() => OrderType)
export class OrderFields {
  @FieldResolver(() => CustomerType, { nullable: true, description: 'FORBIDDEN for the warehouse.' })
  async customer(@Root() o: OrderType, @Ctx() ctx: Context) {
    assertMayReadCustomers(requireViewer(ctx.viewer));
    const c = await ctx.loaders.customers.customer.load(o.customerId);
    if (!c) throw new Error(`order ${o.id} reached without access to its customer`);
    return c;
  }

  @FieldResolver(() => [OrderLineType])
  lines(@Root() o: OrderType, @Ctx() ctx: Context) {
    return ctx.loaders.orders.linesByOrder.load(o.id);
  }

  @FieldResolver(() => [InvoiceType], { nullable: true, description: 'FORBIDDEN for the warehouse.' })
  invoices(@Root() o: OrderType, @Ctx() ctx: Context) {
    assertMayReadCommercial(requireViewer(ctx.viewer), 'invoices');
    return ctx.loaders.invoices.byOrder.load(o.id);
  }
}

@Resolver(() => OrderLineType)
export class OrderLineFields {
  @FieldResolver(() => ProductType)
  product(@Root() l: OrderLineType, @Ctx() ctx: Context) {
    return product(l.productId, ctx);
  }
}

@Resolver(() => ShipmentLineType)
export class ShipmentLineFields {
  @FieldResolver(() => ProductType)
  product(@Root() l: ShipmentLineType, @Ctx() ctx: Context) {
    return product(l.productId, ctx);
  }
}
