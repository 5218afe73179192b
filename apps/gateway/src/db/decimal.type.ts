import { Type } from '@mikro-orm/core';

/**
 * PostgreSQL `numeric(precision, scale)` carried as an exact decimal string in
 * JavaScript. MikroORM's own DecimalType compares values through binary floats;
 * this one compares the strings' exact values, so money never passes a float.
 */
export class DecimalType extends Type<string | null, string | null> {
  constructor(
    private readonly precision = 14,
    private readonly scale = 2,
  ) {
    super();
  }

  override getColumnType(): string {
    return `numeric(${this.precision},${this.scale})`;
  }

  override convertToJSValue(value: string | null): string | null {
    return value === null || value === undefined ? null : String(value);
  }

  override convertToDatabaseValue(value: string | null): string | null {
    return value;
  }

  override compareAsType(): string {
    return 'string';
  }

  override compareValues(a: string | null, b: string | null): boolean {
    return normalize(a) === normalize(b);
  }
}

function normalize(v: string | null): string | null {
  if (v === null || v === undefined) return null;
  const [int, frac = ''] = String(v).split('.');
  return `${int.replace(/^(-?)0+(?=\d)/, '$1')}.${frac.replace(/0+$/, '')}`;
}

export const money = () => new DecimalType(14, 2);
export const rate = () => new DecimalType(9, 4);
