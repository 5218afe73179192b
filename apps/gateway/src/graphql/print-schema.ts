import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

export const SCHEMA_HEADER = '# Generated from the type-graphql classes by `npm run generate`. Do not edit.\n\n';

/** The committed form of the schema: sorted, so the file only changes when the API does. */
export function schemaFileText(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
