#!/usr/bin/env node
// The entry of `npm start` and `npm test` on a machine that has only Node and npm.
// corepack cannot fetch pnpm here, so the pinned pnpm is installed through npm
// into .tools/ once; then the workspace is installed from the frozen lockfile and
// built. `start` then serves the gateway inside this very process, so the
// SIGINT/SIGTERM that npm forwards reach the gateway's own shutdown handler.
//   node scripts/bootstrap.mjs start      install, build, serve
//   node scripts/bootstrap.mjs test [...] install, build, type-check the tests, lint, jest [...]
//   node scripts/bootstrap.mjs <pnpm args> run pnpm itself
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolDir = join(root, '.tools', `pnpm-${version}`);
const pnpmBin = join(toolDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
const env = { ...process.env, PATH: `${join(toolDir, 'node_modules', '.bin')}:${process.env.PATH}` };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env });
  if (r.status !== 0) {
    console.error(`[tandem] "${[cmd, ...args].join(' ')}" failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}
const pnpm = (...args) => run(process.execPath, [pnpmBin, ...args]);

if (!existsSync(pnpmBin)) {
  console.error(`[tandem] installing pnpm ${version} into ${toolDir}`);
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', toolDir, `pnpm@${version}`]);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'start' || command === 'test') {
  pnpm('install', '--frozen-lockfile', '--reporter=append-only');
  pnpm('run', 'build');
}
// Jest compiles tests with SWC, which does not check types: the tests are type-checked first.
// Then, for the whole run (what CI runs), ESLint, Prettier and dependency-cruiser: a lint
// error fails it before any test starts. A focused run (`npm test -- <path>`) skips the lint.
if (command === 'test') {
  pnpm('run', 'typecheck:tests');
  if (rest.length === 0) pnpm('run', 'lint');
}
if (command === 'start') {
  await import(pathToFileURL(join(root, 'apps', 'gateway', 'dist', 'main.js')).href);
} else if (command === 'test') {
  const jest = spawnSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...rest], { stdio: 'inherit', cwd: root, env });
  process.exit(jest.status ?? 1);
} else if (command) {
  pnpm(command, ...rest);
}
