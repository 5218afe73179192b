import type { Context } from '../../context';

/** The customer a receivables row names, through the viewer's scoped loader (rows are already scoped). */
export async function visibleCustomer(customerId: string, ctx: Context) {
  const c = await ctx.loaders.customers.customer.load(customerId);
  if (!c) throw new Error(`customer ${customerId} reached without access`);
  return c;
}
