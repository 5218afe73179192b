import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { assertMayReadCustomers, requireViewer } from '../../auth/policy';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { DecimalScalar } from '../../graphql/scalars';
import { contactOf, customerOf } from './customer.mapper';
import { CreateContactInput, CreateCustomerInput, UpdateCustomerInput } from './customer.input';
import { ContactConnection, ContactType, CreditCheckType, CustomerConnection, CustomerFilter, CustomerType } from './customer.type';

const CustomerPayload = PayloadType(CustomerType, 'customer', 'CustomerPayload');
const ContactPayload = PayloadType(ContactType, 'contact', 'ContactPayload');

@Resolver()
export class CustomerResolver {
  @Query(() => CustomerType, { nullable: true, description: 'null when it does not exist or the viewer may not read it.' })
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertMayReadCustomers(requireViewer(ctx.viewer));
    return ctx.loaders.customers.customer.load(id);
  }

  @Query(() => CustomerConnection, { nullable: true, description: 'The customers the viewer may read, by name. null (FORBIDDEN) for WAREHOUSE.' })
  customers(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter: CustomerFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.customerQueries.customers(ctx.em, ctx.viewer, first, after, filter);
  }

  @Query(() => ContactConnection, { nullable: true, description: 'Contacts of the customers the viewer may read, by last name. null (FORBIDDEN) for WAREHOUSE.' })
  contacts(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.customerQueries.contacts(ctx.em, ctx.viewer, first, after, search);
  }

  @Query(() => CreditCheckType, { nullable: true, description: 'What confirming an order of `amount` would do to credit; changes nothing.' })
  creditCheck(@Arg('customerId', () => ID) customerId: string, @Arg('amount', () => DecimalScalar) amount: string, @Ctx() ctx: Context) {
    return ctx.services.credit.creditCheck(ctx.em, ctx.viewer, customerId, amount);
  }

  @Mutation(() => CustomerPayload)
  async createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: Context) {
    return toPayload('customer', await ctx.services.customers.createCustomer(ctx.em, ctx.viewer, input), customerOf);
  }

  @Mutation(() => CustomerPayload)
  async updateCustomer(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput, @Ctx() ctx: Context) {
    return toPayload('customer', await ctx.services.customers.updateCustomer(ctx.em, ctx.viewer, id, input), customerOf);
  }

  @Mutation(() => ContactPayload)
  async createContact(@Arg('input', () => CreateContactInput) input: CreateContactInput, @Ctx() ctx: Context) {
    return toPayload('contact', await ctx.services.customers.createContact(ctx.em, ctx.viewer, input), contactOf);
  }

  @Mutation(() => CustomerPayload, { description: 'FINANCE or ADMIN. A null limit means no limit.' })
  async setCreditLimit(@Arg('customerId', () => ID) customerId: string, @Arg('limit', () => DecimalScalar, { nullable: true }) limit: string | null, @Ctx() ctx: Context) {
    return toPayload('customer', await ctx.services.credit.setCreditLimit(ctx.em, ctx.viewer, customerId, limit), customerOf);
  }

  @Mutation(() => CustomerPayload, { description: 'FINANCE or ADMIN.' })
  async placeCreditHold(@Arg('customerId', () => ID) customerId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return toPayload('customer', await ctx.services.credit.placeCreditHold(ctx.em, ctx.viewer, customerId, reason), customerOf);
  }

  @Mutation(() => CustomerPayload, { description: 'FINANCE or ADMIN.' })
  async releaseCreditHold(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context) {
    return toPayload('customer', await ctx.services.credit.releaseCreditHold(ctx.em, ctx.viewer, customerId), customerOf);
  }
}
