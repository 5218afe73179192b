import { rate } from '../../db/decimal.type';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum Role {
  ADMIN = 'ADMIN',
  SALES_MANAGER = 'SALES_MANAGER',
  SALES_REP = 'SALES_REP',
  FINANCE = 'FINANCE',
  WAREHOUSE = 'WAREHOUSE',
  SUPPORT = 'SUPPORT',
}

@Entity({ tableName: 'users' })
export class User {
  [OptionalProps]?: 'createdAt' | 'active';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased; sign-in compares lower-cased. */
  @Property({ type: 'string', length: 320, unique: true })
  email!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Index()
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role!: Role;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  /** A switched-off user cannot sign in, and its tokens and sockets stop working at once. */
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Commission as a fraction of paid revenue; null is the default rate (5 %). */
  @Property({ type: rate(), nullable: true })
  commissionRate?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
