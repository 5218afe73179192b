import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { UserType } from '../users/user.type';
import { AuditEntryConnection, AuditEntryType } from './audit.type';

/** The audit trail over the API (ADMIN, FINANCE). Thin: the service decides. */
@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { nullable: true, description: 'Who changed what, when, with the values before and after, newest first. ADMIN and FINANCE.' })
  auditLog(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('entityType', () => String, { nullable: true, description: 'Only records of this kind (Customer, Order, Invoice…).' }) entityType: string | null,
    @Arg('entityId', () => ID, { nullable: true, description: 'Only this record.' }) entityId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.auditQueries.auditLog(ctx.em, ctx.viewer, { first, after, entityType, entityId });
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who did it; null when the system did (a scheduled scan).' })
  actor(@Root() a: AuditEntryType, @Ctx() ctx: Context) {
    return a.actorId ? ctx.loaders.customers.user.load(a.actorId) : null;
  }
}
