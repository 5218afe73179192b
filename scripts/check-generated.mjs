#!/usr/bin/env node
// Fails when packages/client/src/generated differs from what codegen.ts would
// generate from schema/schema.graphql and the active operations. Run by the
// drift test; refresh with `npm run generate`.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { config } = await loadCodegenConfig({ configFilePath: join(root, 'codegen.ts') });
const files = await generate({ ...config, cwd: root, silent: true }, false);
const stale = files.filter((f) => {
  const path = join(root, f.filename);
  return !existsSync(path) || readFileSync(path, 'utf8') !== f.content;
});
if (files.length === 0) {
  console.error('codegen produced no files');
  process.exit(1);
}
if (stale.length) {
  console.error(`stale generated files: ${stale.map((f) => f.filename).join(', ')}. Run \`npm run generate\` and commit the result.`);
  process.exit(1);
}
console.log(`${files.length} generated files are up to date`);
