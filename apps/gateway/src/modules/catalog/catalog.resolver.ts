import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../auth/policy';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import type { Product } from './product.entity';
import { CreateProductInput, ProductConnection, ProductType, ReceiveStockInput } from './product.type';

const ProductPayload = PayloadType(ProductType, 'product', 'ProductPayload');

export const productOf = (p: Product): ProductType => ({
  id: p.id,
  sku: p.sku,
  name: p.name,
  unitPrice: p.unitPrice,
  unitCost: p.unitCost,
  taxRate: p.taxRate,
  reorderPoint: p.reorderPoint,
  stock: { onHand: p.onHand, reserved: p.reserved, available: p.onHand - p.reserved },
});

@Resolver()
export class CatalogResolver {
  @Query(() => ProductType, { nullable: true })
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireViewer(ctx.viewer);
    return ctx.loaders.products.product.load(id);
  }

  @Query(() => ProductConnection, { description: 'By SKU. lowStock: available below the reorder point.' })
  products(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('lowStock', () => Boolean, { nullable: true }) lowStock: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.products(ctx.em, ctx.viewer, first, after, lowStock);
  }

  @Mutation(() => ProductPayload, { description: 'ADMIN or SALES_MANAGER.' })
  async createProduct(@Arg('input', () => CreateProductInput) input: CreateProductInput, @Ctx() ctx: Context) {
    return toPayload('product', await ctx.services.catalog.createProduct(ctx.em, ctx.viewer, input), productOf);
  }

  @Mutation(() => ProductPayload, { description: 'WAREHOUSE or ADMIN.' })
  async receiveStock(@Arg('input', () => ReceiveStockInput) input: ReceiveStockInput, @Ctx() ctx: Context) {
    return toPayload('product', await ctx.services.catalog.receiveStock(ctx.em, ctx.viewer, input), productOf);
  }
}
