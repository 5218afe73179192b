import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { UserType } from '../users/user.type';
import { TimelineEntryType } from './crm.type';

/** Who did what a timeline line tells. */
@Resolver(() => TimelineEntryType)
export class TimelineEntryFields {
  @FieldResolver(() => UserType, { nullable: true, description: 'Who did it; null when the system did (a scheduled scan).' })
  actor(@Root() t: TimelineEntryType, @Ctx() ctx: Context) {
    return t.actorId ? ctx.loaders.customers.user.load(t.actorId) : null;
  }
}
