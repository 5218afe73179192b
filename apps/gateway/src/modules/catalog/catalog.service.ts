import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import { lockProducts } from '../../db/locks';
import { inTransaction, refused, refusedWith, type MutationResult } from '../../db/transaction';
import { encodeCursor, pageArgs, toConnection, type ConnectionValue } from '../../graphql/connection';
import { parseDecimalArg, parseMoneyArg } from '../../graphql/money-args';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { Product } from './product.entity';
import { applyStockLevels, stockLevelsOf } from './stock-levels';
import { PRODUCT_COLUMNS, toProduct, type ProductRow } from './product.loaders';
import type { CreateProductInput, ProductType, ReceiveStockInput } from './product.type';

/** The catalog: every signed-in role reads it; ADMIN and SALES_MANAGER create products; the warehouse receives stock. */
export class CatalogService {
  async products(em: EntityManager, viewer: Viewer | null, first: number, after: string | null | undefined, lowStock: boolean | null | undefined): Promise<ConnectionValue<ProductType>> {
    requireViewer(viewer);
    const page = pageArgs(first, after);
    const filter = lowStock ? 'on_hand - reserved - reorder_point < 0' : lowStock === false ? 'on_hand - reserved - reorder_point >= 0' : 'true';
    const keyset = page.after ? { sql: ' and (sku, id) > (?, ?)', params: [page.after.key, page.after.id] } : { sql: '', params: [] };
    const rows = await query<ProductRow>(em, `select ${PRODUCT_COLUMNS} from products where ${filter}${keyset.sql} order by sku, id limit ?`, [...keyset.params, page.limit + 1]);
    return toConnection(
      rows,
      page.limit,
      (r) => encodeCursor(r.sku, r.id),
      toProduct,
      async () => {
        const [{ n }] = await query<{ n: string }>(em, `select count(*) as n from products where ${filter}`);
        return Number(n);
      },
    );
  }

  async createProduct(em: EntityManager, viewer: Viewer | null, input: CreateProductInput): Promise<MutationResult<Product>> {
    const v = requireViewer(viewer);
    if (!may.writeProducts(v)) return refused(UserErrorCode.FORBIDDEN, 'Only ADMIN or SALES_MANAGER may create products.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    const unitPrice = parseMoneyArg(input.unitPrice, ['input', 'unitPrice'], { min: '0' });
    const unitCost = parseMoneyArg(input.unitCost ?? '0.00', ['input', 'unitCost'], { min: '0' });
    const taxRate = parseDecimalArg(input.taxRate ?? '0', ['input', 'taxRate'], 4);
    const priced = domain.validateProductPricing({ unitPrice, unitCost, taxRate, reorderPoint: input.reorderPoint ?? 0 });
    if (!priced.ok) return refused(UserErrorCode.BAD_USER_INPUT, priced.message, ['input', ...(priced.field ?? [])]);
    try {
      return await inTransaction(em, v, async (tx, events) => {
        const product = tx.create(Product, {
          sku: input.sku.trim(),
          name: input.name.trim(),
          unitPrice,
          unitCost,
          taxRate,
          reorderPoint: input.reorderPoint ?? 0,
          onHand: input.initialStock ?? 0,
        });
        await tx.flush();
        events.record({ type: 'ProductCreated', productId: product.id, sku: product.sku, onHand: product.onHand });
        return product;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) return refused(UserErrorCode.CONFLICT, 'A product with this SKU exists.', ['input', 'sku']);
      throw err;
    }
  }

  async receiveStock(em: EntityManager, viewer: Viewer | null, input: ReceiveStockInput): Promise<MutationResult<Product>> {
    const v = requireViewer(viewer);
    if (!may.writeStock(v)) return refused(UserErrorCode.FORBIDDEN, 'Only the warehouse may receive stock.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    return inTransaction(em, v, async (tx, events) => {
      const products = await lockProducts(tx, [input.productId]);
      const product = products.get(input.productId);
      if (!product) throw new Refused(UserErrorCode.NOT_FOUND, 'No such product.', ['input', 'productId']);
      const [stock] = applyStockLevels(products, [domain.receiveStock(stockLevelsOf(products)[0], input.quantity)]);
      events.record({ type: 'StockReceived', quantity: input.quantity, stock });
      return product;
    });
  }
}
