import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { DateScalar } from '../../graphql/scalars';
import { UserType } from '../users/user.type';
import { CommissionType, KpisType } from './report.type';

/** KPIs and commissions over the API. Thin: the service decides. */
@Resolver(() => CommissionType)
export class ReportResolver {
  @Query(() => KpisType, { nullable: true, description: 'Revenue, DSO, average lifetime value, acquisition cost, weighted pipeline and win rate for a period. SALES_MANAGER, FINANCE, ADMIN.' })
  kpis(
    @Arg('from', () => DateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the period.' }) to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.reports.kpis(ctx.em, ctx.viewer, from, to);
  }

  @Query(() => [CommissionType], { nullable: true, description: 'Each sales rep’s commission on its customers’ invoices fully paid in the period. FINANCE, ADMIN.' })
  commissions(
    @Arg('from', () => DateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the period.' }) to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.reports.commissions(ctx.em, ctx.viewer, from, to);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The sales rep.' })
  rep(@Root() c: CommissionType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.user.load(c.repId);
  }
}
