import { PurchaseOrder, PurchaseOrderLine } from '../modules/purchasing/purchase-order.entity';
import { SupplierBill, SupplierPayment } from '../modules/purchasing/supplier-bill.entity';
import { Supplier } from '../modules/purchasing/supplier.entity';
import { Campaign } from '../modules/crm/campaign.entity';
import { Lead } from '../modules/crm/lead.entity';
import { Quote } from '../modules/crm/quote.entity';
import { QuoteLine } from '../modules/crm/quote-line.entity';
import { TimelineEntry } from '../modules/crm/timeline-entry.entity';
import { Alert } from '../modules/alerts/alert.entity';
import { Product } from '../modules/catalog/product.entity';
import { Activity } from '../modules/crm/activity.entity';
import { Opportunity } from '../modules/crm/opportunity.entity';
import { Ticket } from '../modules/crm/ticket.entity';
import { Contact } from '../modules/customers/contact.entity';
import { Customer } from '../modules/customers/customer.entity';
import { Order } from '../modules/orders/order.entity';
import { OrderLine } from '../modules/orders/order-line.entity';
import { Shipment, ShipmentLine } from '../modules/orders/shipment.entity';
import { Invoice, InvoiceLine } from '../modules/receivables/invoice.entity';
import { Payment, PaymentAllocation } from '../modules/receivables/payment.entity';
import { User } from '../modules/users/user.entity';

/** Every entity the ORM maps, listed explicitly (no file globbing at run time). */
export const entities = [
  User,
  Customer,
  Contact,
  Product,
  Order,
  OrderLine,
  Shipment,
  ShipmentLine,
  Invoice,
  InvoiceLine,
  Payment,
  PaymentAllocation,
  Ticket,
  Opportunity,
  Activity,
  Alert,
  Campaign,
  Lead,
  Quote,
  QuoteLine,
  TimelineEntry,
  Supplier,
  PurchaseOrder,
  PurchaseOrderLine,
  SupplierBill,
  SupplierPayment,
];
