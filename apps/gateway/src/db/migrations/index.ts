import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122170500_LoginRateLimits } from './Migration20261122170500_LoginRateLimits';
import { Migration20261122153846_Initial } from './Migration20261122153846_Initial';
import { Migration20261122154526_OrderToCash } from './Migration20261122154526_OrderToCash';
import { Migration20261122161513_Alerts } from './Migration20261122161513_Alerts';
import { Migration20261122162635_FilterIndexes } from './Migration20261122162635_FilterIndexes';
import { Migration20261123202013_ListIndexes } from './Migration20261123202013_ListIndexes';
import { Migration20261123230000_UserActive } from './Migration20261123230000_UserActive';
import { Migration20261206110000_FrontOffice } from './Migration20261206110000_FrontOffice';
import { Migration20261206120000_Ledger } from './Migration20261206120000_Ledger';
import { Migration20261206130000_CommissionRates } from './Migration20261206130000_CommissionRates';
import { Migration20261206140000_Purchasing } from './Migration20261206140000_Purchasing';
import { Migration20261206150000_AuditLog } from './Migration20261206150000_AuditLog';

/** The committed migrations, oldest first. Add each new migration class here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122153846_Initial', class: Migration20261122153846_Initial },
  { name: 'Migration20261122154526_OrderToCash', class: Migration20261122154526_OrderToCash },
  { name: 'Migration20261122161513_Alerts', class: Migration20261122161513_Alerts },
  { name: 'Migration20261122162635_FilterIndexes', class: Migration20261122162635_FilterIndexes },
  { name: 'Migration20261122170500_LoginRateLimits', class: Migration20261122170500_LoginRateLimits },
  { name: 'Migration20261123202013_ListIndexes', class: Migration20261123202013_ListIndexes },
  { name: 'Migration20261123230000_UserActive', class: Migration20261123230000_UserActive },
  { name: 'Migration20261206110000_FrontOffice', class: Migration20261206110000_FrontOffice },
  { name: 'Migration20261206120000_Ledger', class: Migration20261206120000_Ledger },
  { name: 'Migration20261206130000_CommissionRates', class: Migration20261206130000_CommissionRates },
  { name: 'Migration20261206140000_Purchasing', class: Migration20261206140000_Purchasing },
  { name: 'Migration20261206150000_AuditLog', class: Migration20261206150000_AuditLog },
];
