import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';

/** A marketing campaign and what it cost: the spend side of customer acquisition cost. */
@Entity({ tableName: 'campaigns' })
export class Campaign {
  [OptionalProps]?: 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 200 }) name!: string;
  @Property({ type: 'string', length: 60 }) channel!: string;
  @Property({ type: money() }) cost!: string;
  @Property({ columnType: 'date', type: 'string' }) startDate!: string;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
