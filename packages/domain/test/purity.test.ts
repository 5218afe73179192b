import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * The domain stays pure: no ORM, GraphQL, database, web server or Node I/O in
 * any rule, and no runtime dependency but decimal.js. Test files may use what
 * they like (this one reads the disk), so only non-test files are checked.
 */

const FORBIDDEN_PACKAGES = ['@mikro-orm', 'graphql', 'type-graphql', 'pg', 'express', 'ws', 'dataloader', '@apollo'];
const NODE_IO = ['fs', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'tls', 'cluster', 'worker_threads'];
const ALLOWED_PACKAGES = ['decimal.js'];

/** Every module a source names: `import … from`, `import '…'`, `export … from`, `require(…)`, `import(…)`. */
function importedModules(source: string): string[] {
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:require|import)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[1]));
}

/** Why a module may not be imported by a rule, or null when it may. */
function forbiddenBecause(specifier: string): string | null {
  const bare = specifier.replace(/^node:/, '');
  const pkg = bare.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : bare.split('/')[0];
  const scope = pkg.split('/')[0];
  if (FORBIDDEN_PACKAGES.includes(pkg) || FORBIDDEN_PACKAGES.includes(scope)) return 'ORM, GraphQL, database or server';
  if (NODE_IO.includes(pkg)) return 'Node I/O';
  if (specifier.startsWith('.')) return null;
  if (!ALLOWED_PACKAGES.includes(pkg)) return 'not a runtime dependency of the domain';
  return null;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const src = join(__dirname, '../src');
const rules = tsFiles(src).filter((f) => !f.endsWith('.test.ts'));

it('scans every rule file of the package', () => {
  expect(rules.length).toBeGreaterThan(20);
  expect(rules.map((f) => relative(src, f))).toContain('index.ts');
});

it('imports nothing that does I/O, and no package but decimal.js', () => {
  const offenders = rules.flatMap((f) =>
    importedModules(readFileSync(f, 'utf8'))
      .map((m) => ({ file: relative(src, f), module: m, why: forbiddenBecause(m) }))
      .filter((o) => o.why !== null),
  );
  expect(offenders).toEqual([]);
});

it('has no runtime dependency but decimal.js', () => {
  const pkg = JSON.parse(readFileSync(join(src, '..', 'package.json'), 'utf8'));
  expect(Object.keys(pkg.dependencies ?? {})).toEqual(['decimal.js']);
  for (const field of ['peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) expect(pkg[field]).toBeUndefined();
});

describe('the check itself', () => {
  it.each([
    [`import { EntityManager } from '@mikro-orm/core';`, '@mikro-orm/core'],
    [`import type { Pool } from "pg";`, 'pg'],
    [`import { GraphQLError } from 'graphql';`, 'graphql'],
    [`import { Resolver } from 'type-graphql';`, 'type-graphql'],
    [`import { ApolloServer } from '@apollo/server';`, '@apollo/server'],
    [`import DataLoader from 'dataloader';`, 'dataloader'],
    [`import express from 'express';`, 'express'],
    [`import { WebSocket } from 'ws';`, 'ws'],
    [`import { readFile } from 'node:fs/promises';`, 'node:fs/promises'],
    [`import * as fs from 'fs';`, 'fs'],
    [`import 'net';`, 'net'],
    [`export { request } from 'node:https';`, 'node:https'],
    [`const http = require('http');`, 'http'],
    [`const cp = await import('child_process');`, 'child_process'],
    [`import {\n  spawn,\n} from 'node:child_process';`, 'node:child_process'],
    [`import { v4 } from 'uuid';`, 'uuid'],
  ])('catches %j', (source, module) => {
    expect(importedModules(source)).toEqual([module]);
    expect(forbiddenBecause(module)).not.toBeNull();
  });

  it.each([`import DecimalJs from 'decimal.js';`, `import { money } from '../money/decimal';`, `export * from './credit-check';`, `import type { IsoDate } from './dates';`])(
    'lets %j through',
    (source) => {
      const modules = importedModules(source);
      expect(modules).toHaveLength(1);
      expect(forbiddenBecause(modules[0])).toBeNull();
    },
  );
});
