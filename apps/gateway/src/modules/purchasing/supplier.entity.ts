import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Who the company buys from, and how long it has to pay them. */
@Entity({ tableName: 'suppliers' })
export class Supplier {
  [OptionalProps]?: 'createdAt' | 'paymentTermsDays';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 200 }) name!: string;
  @Property({ type: 'string', length: 320, nullable: true }) email?: string | null;
  @Property({ type: 'integer' }) paymentTermsDays: number = 30;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
