import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { GraphQLError, Kind, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from '../context';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

function noOperation(operationName: string | undefined, document: DocumentNode): string {
  if (operationName) return `Unknown operation named "${operationName}".`;
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  return operations > 1 ? 'Must provide operation name if query contains multiple operations.' : 'Must provide an operation.';
}

/**
 * graphql-jit's errors only look like graphql-js's (a lookalike prototype, no
 * `extensions` object unless the cause had one), and Apollo's error formatting
 * reads `extensions.code`: each becomes a real GraphQLError with the same
 * message, path, locations, cause and extensions.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
  if (e.locations) Object.defineProperty(error, 'locations', { value: e.locations, enumerable: true });
  return error;
}

/**
 * Compiled execution (graphql-jit) for queries and mutations over HTTP, in
 * place of graphql-js's interpreter: each distinct document is compiled once
 * into JavaScript that walks the selection without re-reading the AST per
 * field, and reused for every request that sends it. Resolvers, validation,
 * plugins and error formatting are Apollo Server's as before.
 *
 * Apollo Server 5 has no executor option; its gateway interface is how an
 * executor is plugged in (the schema is "loaded" once, never updated).
 * Compiled documents are kept per parsed document: Apollo's document store
 * keeps one parsed document per distinct query text (an LRU), so when it
 * forgets a document its compiled form goes with it (a WeakMap).
 */
export function jitExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map<string, CompiledQuery | ExecutionResult>()));
    const key = operationName ?? '';
    let c = byName.get(key);
    if (!c) byName.set(key, (c = compileQuery(schema, document, operationName ?? undefined)));
    return c;
  };
  return {
    async load() {
      return {
        executor: async (rc) => {
          // No operation to run: the errors graphql-js gives, which Apollo answers with a 400.
          if (!rc.operation) return { errors: [new GraphQLError(noOperation(rc.request.operationName, rc.document))] };
          const c = compile(rc.document, rc.operationName);
          // Not compilable (e.g. no such operation): graphql-jit answers with the errors graphql-js would give.
          if (!isCompiledQuery(c)) return c;
          const result = await c.query(undefined, rc.context, rc.request.variables ?? {});
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}
