import { forbidden, unauthenticated } from '../graphql/errors';
import { Role, type Viewer } from './viewer';

/**
 * Who may read and write what: the contract's role table in one place. Services
 * and loaders call these; resolvers never decide access themselves.
 */

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

const SALES = [Role.ADMIN, Role.SALES_MANAGER, Role.SALES_REP];
const CUSTOMER_READERS = [Role.ADMIN, Role.SALES_MANAGER, Role.SALES_REP, Role.FINANCE, Role.SUPPORT];
const COMMERCIAL_READERS = [Role.ADMIN, Role.SALES_MANAGER, Role.SALES_REP, Role.FINANCE];

/** Which customers a viewer may read: all of them, only its own (a rep), or none. */
export type CustomerScope = { kind: 'all' } | { kind: 'owner'; ownerId: string } | { kind: 'none' };

export function customerScope(viewer: Viewer): CustomerScope {
  if (viewer.role === Role.SALES_REP) return { kind: 'owner', ownerId: viewer.id };
  return CUSTOMER_READERS.includes(viewer.role) ? { kind: 'all' } : { kind: 'none' };
}

/** True when the viewer may read a customer owned by `ownerId`. */
export function canReadCustomer(viewer: Viewer, ownerId: string): boolean {
  const scope = customerScope(viewer);
  return scope.kind === 'all' || (scope.kind === 'owner' && scope.ownerId === ownerId);
}

/** Customers are not a warehouse matter: the whole field fails with FORBIDDEN. */
export function assertMayReadCustomers(viewer: Viewer): void {
  if (customerScope(viewer).kind === 'none') throw forbidden('Your role may not read customers.');
}

/** Credit figures, orders' money and invoices: not for SUPPORT (status and hold only) or WAREHOUSE. */
export function mayReadCommercial(viewer: Viewer): boolean {
  return COMMERCIAL_READERS.includes(viewer.role);
}
export function assertMayReadCommercial(viewer: Viewer, what = 'this'): void {
  if (!mayReadCommercial(viewer)) throw forbidden(`Your role may not read ${what}.`);
}

/** Orders (lines and status): sales, finance and the warehouse; not support. */
export function assertMayReadOrders(viewer: Viewer): void {
  if (viewer.role === Role.SUPPORT) throw forbidden('Your role may not read orders.');
}

/** Tickets and activities: everyone who reads customers. Opportunities: sales and finance. */
export function assertMayReadOpportunities(viewer: Viewer): void {
  if (!COMMERCIAL_READERS.includes(viewer.role)) throw forbidden('Your role may not read opportunities.');
}

/** Leads are the sales team's: a rep its own, a manager or admin all of them; nobody else. */
export function assertMayReadLeads(viewer: Viewer): void {
  if (!SALES.includes(viewer.role)) throw forbidden('Your role may not read leads.');
}

/** True when the viewer may read (and, being sales, write) a lead owned by `ownerId`. */
export function canReadLead(viewer: Viewer, ownerId: string): boolean {
  return SALES.includes(viewer.role) && (viewer.role !== Role.SALES_REP || viewer.id === ownerId);
}

/** Quotes are commercial documents: sales and finance read them, within the customers they read. */
export function assertMayReadQuotes(viewer: Viewer): void {
  if (!COMMERCIAL_READERS.includes(viewer.role)) throw forbidden('Your role may not read quotes.');
}

/**
 * Which lines of a customer's timeline a viewer may read, beyond reading the
 * customer: everything for those who read its orders, money and deals; the
 * customer-level lines (activities, tickets, holds) for SUPPORT.
 */
export function timelineReaders(viewer: Viewer): ('CUSTOMER' | 'COMMERCIAL')[] {
  return mayReadCommercial(viewer) ? ['CUSTOMER', 'COMMERCIAL'] : ['CUSTOMER'];
}

/** The ledger (trial balance, journal, verification) and the audit log: FINANCE and ADMIN. */
export function assertMayReadLedger(viewer: Viewer): void {
  if (viewer.role !== Role.ADMIN && viewer.role !== Role.FINANCE) throw forbidden('Your role may not read the ledger.');
}

/** Suppliers and purchase orders: finance, the warehouse and admin. */
export function assertMayReadPurchasing(viewer: Viewer): void {
  if (![Role.ADMIN, Role.FINANCE, Role.WAREHOUSE].includes(viewer.role)) throw forbidden('Your role may not read suppliers or purchase orders.');
}

/** KPIs: sales management, finance and admin. Commissions: finance and admin. */
export function assertMayReadKpis(viewer: Viewer): void {
  if (![Role.ADMIN, Role.SALES_MANAGER, Role.FINANCE].includes(viewer.role)) throw forbidden('Your role may not read KPIs.');
}
export function assertMayReadCommissions(viewer: Viewer): void {
  if (viewer.role !== Role.ADMIN && viewer.role !== Role.FINANCE) throw forbidden('Your role may not read commissions.');
}

export const may = {
  writeCustomers: (v: Viewer) => SALES.includes(v.role),
  reassignCustomers: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.SALES_MANAGER,
  writeOrders: (v: Viewer) => SALES.includes(v.role),
  manageCredit: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.FINANCE,
  writeProducts: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.SALES_MANAGER,
  writeStock: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.WAREHOUSE,
  ship: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.WAREHOUSE,
  invoice: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.FINANCE,
  recordPayments: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.FINANCE,
  writeTickets: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.SUPPORT,
  writeLeads: (v: Viewer) => SALES.includes(v.role),
  writeCampaigns: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.SALES_MANAGER,
  writeQuotes: (v: Viewer) => SALES.includes(v.role),
  approveQuotes: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.SALES_MANAGER,
  logActivities: (v: Viewer) => SALES.includes(v.role) || v.role === Role.SUPPORT,
  closePeriods: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.FINANCE,
  writeSuppliers: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.FINANCE,
  writePurchaseOrders: (v: Viewer) => [Role.ADMIN, Role.FINANCE, Role.WAREHOUSE].includes(v.role),
  receivePurchases: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.WAREHOUSE,
  billAndPaySuppliers: (v: Viewer) => v.role === Role.ADMIN || v.role === Role.FINANCE,
};
