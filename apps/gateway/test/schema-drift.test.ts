import 'reflect-metadata';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { spawnSync } from 'node:child_process';
import { schemaFileText } from '../src/graphql/print-schema';
import { createSchema } from '../src/schema';

const root = resolve(__dirname, '../../..');
const committedSchema = () => readFileSync(join(root, 'schema/schema.graphql'), 'utf8');

describe('schema/schema.graphql', () => {
  it('is what the code emits (refresh with `npm run generate`)', async () => {
    const emitted = schemaFileText(await createSchema());
    if (emitted !== committedSchema()) {
      throw new Error('schema/schema.graphql differs from the schema the code builds. Run `npm run generate` and commit the result.');
    }
    expect(emitted).toBe(committedSchema());
  });
});

describe('client contract operations', () => {
  // Loaded through require so the test reads the very list codegen uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { activeOperations } = require(join(root, 'codegen.ts')) as { activeOperations: string[] };

  it('includes every contract file as a copy in schema/operations', () => {
    const contractDir = resolve(root, '../shared/contract/operations');
    if (!existsSync(contractDir)) return; // the contract lives beside the repository; CI has it
    for (const file of readdirSync(contractDir)) {
      expect(readFileSync(join(root, 'schema/operations', file), 'utf8')).toBe(readFileSync(join(contractDir, file), 'utf8'));
    }
  });

  it.each(activeOperations)('%s validates against the committed schema', (file) => {
    const schema = buildSchema(committedSchema());
    const errors = validate(schema, parse(readFileSync(join(root, file), 'utf8')));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('packages/client is what codegen.ts generates (refresh with `npm run generate`)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/check-generated.mjs')], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr || r.stdout);
    expect(r.stdout).toMatch(/generated files are up to date/);
  });
});
