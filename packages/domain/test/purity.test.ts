import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The domain stays pure: no ORM, GraphQL, database or Node I/O, and no runtime dependency but decimal.js. */
const FORBIDDEN = /from\s+['"](@mikro-orm\/[^'"]*|graphql|type-graphql|pg|express|ws|dataloader|@apollo\/[^'"]*|(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|tls|worker_threads|cluster))['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

it('imports nothing that does I/O', () => {
  const src = join(__dirname, '../src');
  const offenders = sources(src).filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f));
  expect(sources(src).length).toBeGreaterThan(20);
  expect(offenders).toEqual([]);
});

it('has no runtime dependency but decimal.js', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
  expect(Object.keys(pkg.dependencies ?? {})).toEqual(['decimal.js']);
  expect(pkg.peerDependencies).toBeUndefined();
});

it('would catch an offending import', () => {
  expect(FORBIDDEN.test(`import { EntityManager } from '@mikro-orm/core';`)).toBe(true);
  expect(FORBIDDEN.test(`import { readFile } from "node:fs/promises";`)).toBe(true);
  expect(FORBIDDEN.test(`import { Decimal } from 'decimal.js';`)).toBe(false);
});
