import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CustomerType } from '../customers/customer.type';
import { AgingRowType } from './aging.type';
import { visibleCustomer } from './visible-customer';

@Resolver(() => AgingRowType)
export class AgingRowFields {
  @FieldResolver(() => CustomerType)
  customer(@Root() r: AgingRowType, @Ctx() ctx: Context) {
    return visibleCustomer(r.customerId, ctx);
  }
}
