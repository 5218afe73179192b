import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { ContactType, CustomerType } from '../customers/customer.type';
import type { Activity } from './activity.entity';
import { LogActivityInput } from './activity.input';
import { ActivityType } from './crm.type';

const ActivityPayload = PayloadType(ActivityType, 'activity', 'ActivityPayload');

const activityOf = (a: Activity): ActivityType => ({ id: a.id, kind: a.kind, subject: a.subject, occurredAt: a.occurredAt, customerId: a.customer.id, contactId: a.contact?.id ?? null });

/** Logging activities, and an activity's customer and contact. Thin: the service decides. */
@Resolver(() => ActivityType)
export class ActivityResolver {
  @Mutation(() => ActivityPayload, { description: 'Logs a call, e-mail, meeting, note or task on a customer (sales, support); it joins the customer’s timeline.' })
  async logActivity(@Arg('input', () => LogActivityInput) input: LogActivityInput, @Ctx() ctx: Context) {
    return toPayload('activity', await ctx.services.activities.log(ctx.em, ctx.viewer, input), activityOf);
  }

  @FieldResolver(() => CustomerType, { nullable: true, description: 'The customer it was with.' })
  customer(@Root() a: ActivityType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.customer.load(a.customerId);
  }

  @FieldResolver(() => ContactType, { nullable: true, description: 'The contact it was with, if any.' })
  async contact(@Root() a: ActivityType, @Ctx() ctx: Context) {
    if (!a.contactId) return null;
    const contacts = await ctx.loaders.customers.contactsByCustomer.load(a.customerId);
    return contacts.find((c) => c.id === a.contactId) ?? null;
  }
}
