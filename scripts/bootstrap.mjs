#!/usr/bin/env node
// The entry of `npm start`, `npm test`, `npm run build` and `npm run serve` on a
// machine that has only Node and npm. corepack cannot fetch pnpm here, so the
// pinned pnpm is installed through npm into .tools/ once; then the workspace is
// installed from the frozen lockfile and built. `serve` (and `start` after
// building) runs the gateway inside this very process, so the SIGINT/SIGTERM
// that npm forwards reach the gateway's own shutdown handler.
//   node scripts/bootstrap.mjs start      install, build, serve
//   node scripts/bootstrap.mjs build      install, build (once per deploy; then `serve`)
//   node scripts/bootstrap.mjs serve      serve what was built: no install, no compile
//   node scripts/bootstrap.mjs test [...] install, build, type-check the tests, lint (whole runs), jest [...]
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

const [command, ...rest] = process.argv.slice(2);
const mainJs = join(root, 'apps', 'gateway', 'dist', 'main.js');

if (command === 'serve') {
  if (!existsSync(mainJs) || !existsSync(join(root, 'node_modules', '.modules.yaml'))) {
    console.error('tandem: the gateway is not built (apps/gateway/dist/main.js or node_modules is missing): run npm run build first');
    process.exit(2);
  }
  await import(pathToFileURL(mainJs).href);
} else {
  if (!existsSync(pnpmBin)) {
    console.error(`[tandem] installing pnpm ${version} into ${toolDir}`);
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', toolDir, `pnpm@${version}`]);
  }
  if (command === 'start' || command === 'test' || command === 'build') {
    // The build needs the devDependencies (TypeScript, types) even where the
    // environment asks pnpm for a production install (npm_config_production=true).
    pnpm('install', '--frozen-lockfile', '--prod=false', '--reporter=append-only');
    pnpm('run', 'build:ts');
    // The web client (apps/web/dist), which the gateway serves at / on the same port.
    pnpm('run', 'build:web');
  }
  // Jest compiles tests with SWC, which does not check types: the tests are type-checked first.
  // Then, for the whole run (what CI runs), ESLint, Prettier and dependency-cruiser: a lint
  // error fails it before any test starts. A focused run (`npm test -- <path>`) skips the lint.
  if (command === 'test') {
    pnpm('run', 'typecheck:tests');
    if (rest.length === 0) pnpm('run', 'lint');
  }
  if (command === 'start') {
    await import(pathToFileURL(mainJs).href);
  } else if (command === 'test') {
    const jest = spawnSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...rest], { stdio: 'inherit', cwd: root, env });
    process.exit(jest.status ?? 1);
  } else if (command && command !== 'build') {
    pnpm(command, ...rest);
  }
}
