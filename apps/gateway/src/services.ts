import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { TokenService } from './auth/token';
import type { UserDirectory } from './auth/user-directory';
import type { AlertHub } from './modules/alerts/alert-hub';
import { AlertService } from './modules/alerts/alert.service';
import { CatalogService } from './modules/catalog/catalog.service';
import { CreditService } from './modules/customers/credit.service';
import { CustomerQueryService } from './modules/customers/customer-query.service';
import { CustomerService } from './modules/customers/customer.service';
import { ActivityService } from './modules/crm/activity.service';
import { CampaignService } from './modules/crm/campaign.service';
import { LeadQueryService } from './modules/crm/lead-query.service';
import { LeadService } from './modules/crm/lead.service';
import { QuoteQueryService } from './modules/crm/quote-query.service';
import { QuoteService } from './modules/crm/quote.service';
import { TimelineQueryService } from './modules/crm/timeline-query.service';
import { LedgerQueryService } from './modules/ledger/ledger-query.service';
import { PeriodCloseService } from './modules/ledger/period-close.service';
import { ReportQueryService } from './modules/reports/report-query.service';
import { PurchasingQueryService } from './modules/purchasing/purchasing-query.service';
import { PurchasingService } from './modules/purchasing/purchasing.service';
import { AuditQueryService } from './modules/audit/audit-query.service';
import { OpportunityQueryService } from './modules/crm/opportunity-query.service';
import { OpportunityService } from './modules/crm/opportunity.service';
import { TicketQueryService } from './modules/crm/ticket-query.service';
import { TicketService } from './modules/crm/ticket.service';
import { OrderFulfilmentService } from './modules/orders/order-fulfilment.service';
import { OrderQueryService } from './modules/orders/order-query.service';
import { OrderService } from './modules/orders/order.service';
import { AgingService } from './modules/receivables/aging.service';
import { InvoicingService } from './modules/receivables/invoicing.service';
import { PaymentService } from './modules/receivables/payment.service';
import { ReceivablesQueryService } from './modules/receivables/receivables-query.service';
import { AuthService } from './modules/users/auth.service';
import { UserService } from './modules/users/user.service';

/** One instance of each use-case service per process; they hold no request state. */
/** Business policy the services apply, from the configuration. */
export interface Policy {
  /** how far back an order, invoice or payment may be dated (BACKDATING_DAYS) */
  backdatingDays: number;
}

export function createServices(deps: { tokens: TokenService; alertHub: AlertHub; userDirectory: UserDirectory; loginFailures: RateLimiterAbstract; policy: Policy }) {
  return {
    alertHub: deps.alertHub,
    userDirectory: deps.userDirectory,
    alerts: new AlertService(),
    auth: new AuthService(deps.tokens, deps.loginFailures),
    users: new UserService(deps.userDirectory),
    customers: new CustomerService(),
    customerQueries: new CustomerQueryService(),
    credit: new CreditService(),
    catalog: new CatalogService(),
    orders: new OrderService(deps.policy),
    orderQueries: new OrderQueryService(),
    fulfilment: new OrderFulfilmentService(),
    invoicing: new InvoicingService(deps.policy),
    payments: new PaymentService(deps.policy),
    receivablesQueries: new ReceivablesQueryService(),
    aging: new AgingService(),
    opportunities: new OpportunityService(),
    opportunityQueries: new OpportunityQueryService(),
    tickets: new TicketService(),
    ticketQueries: new TicketQueryService(),
    leads: new LeadService(),
    leadQueries: new LeadQueryService(),
    campaigns: new CampaignService(),
    quotes: new QuoteService(),
    quoteQueries: new QuoteQueryService(),
    activities: new ActivityService(),
    timelineQueries: new TimelineQueryService(),
    ledgerQueries: new LedgerQueryService(),
    periodClose: new PeriodCloseService(),
    reports: new ReportQueryService(),
    purchasing: new PurchasingService(),
    auditQueries: new AuditQueryService(),
    purchasingQueries: new PurchasingQueryService(),
  };
}

export type Services = ReturnType<typeof createServices>;
