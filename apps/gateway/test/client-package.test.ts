import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * @tandem/client as another team installs it: only the builds, their types and
 * the README are packed (no tsconfig, no build info, no sources), and both the
 * ESM and the CommonJS entry load and export the typed documents and graphql().
 */
const dir = resolve(__dirname, '../../../packages/client');

it('packs only the ESM and CommonJS builds, their types, the README and the manifest', () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: dir, encoding: 'utf8' })) as [{ files: { path: string }[] }];
  const files = pack.files.map((f) => f.path).sort();
  expect(files).toContain('README.md');
  expect(files).toContain('package.json');
  expect(files).toContain('dist/esm/index.js');
  expect(files).toContain('dist/esm/index.d.ts');
  expect(files).toContain('dist/cjs/index.js');
  expect(files).toContain('dist/cjs/index.d.ts');
  expect(files.filter((f) => !/^(README\.md|package\.json|dist\/(esm|cjs)\/.+\.(js|d\.ts)|dist\/esm\/package\.json)$/.test(f))).toEqual([]);
});

it.each([
  ['ESM (import)', `import(${JSON.stringify(`${dir}/dist/esm/index.js`)}).then((m) => console.log(JSON.stringify([m.MeDocument.kind, typeof m.graphql])))`],
  ['CommonJS (require)', `const m = require(${JSON.stringify(dir)}); console.log(JSON.stringify([m.MeDocument.kind, typeof m.graphql]))`],
])('loads as %s with the typed documents and graphql()', (_how, script) => {
  expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual(['Document', 'function']);
});
