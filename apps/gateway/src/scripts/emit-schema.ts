import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemaFileText } from '../graphql/print-schema';
import { createSchema } from '../schema';

/** Writes schema/schema.graphql from the code (part of `npm run generate`). */
createSchema().then(
  (schema) => {
    const file = resolve(__dirname, '../../../../schema/schema.graphql');
    writeFileSync(file, schemaFileText(schema));
    process.stdout.write(`wrote ${file}\n`);
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
