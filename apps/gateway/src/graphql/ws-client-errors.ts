import { getOperationAST, GraphQLError, isSchema, Kind, NoSchemaIntrospectionCustomRule, parse, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { areGraphQLErrors, type ConnectionInitMessage, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import { INTROSPECTION_DISABLED, withoutSuggestions } from './schema-privacy';

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/** A variable's value that does not fit its type: graphql-js reports it on the variable's definition. */
function isVariableError(error: GraphQLError): boolean {
  return error.extensions.code === undefined && error.nodes?.length === 1 && error.nodes[0].kind === Kind.VARIABLE_DEFINITION;
}

/**
 * graphql-ws refuses a document the way HTTP (Apollo) does, with the same codes:
 * a syntax error is GRAPHQL_PARSE_FAILED (graphql-ws itself would throw and close
 * the socket with 4500), an invalid document GRAPHQL_VALIDATION_FAILED, an
 * operationName naming no operation OPERATION_RESOLUTION_FAILURE, a variable of
 * the wrong type BAD_USER_INPUT (it would be masked as an internal error).
 * The options' own onSubscribe goes first; when it leaves the operation to
 * graphql-ws, this parses, validates (with the options' `validate`) and resolves
 * it instead. When the schema is private, introspection is refused whoever
 * parsed, and hints ("did you mean") leave every error the client reads.
 */
export function withClientErrorCodes<P extends ConnectionInitMessage['payload'], E>(options: ServerOptions<P, E>, policy: { introspection: boolean }): ServerOptions<P, E> {
  const { schema, onSubscribe, onNext, onError } = options;
  if (!isSchema(schema)) throw new Error('withClientErrorCodes needs the schema itself');
  const validateDocument = options.validate ?? validate;
  const hide = <T extends { message: string }>(errors: readonly T[]): T[] => (policy.introspection ? [...errors] : errors.map(withoutSuggestions));

  const prepare = (payload: SubscribePayload): ExecutionArgs | GraphQLError[] => {
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (err) {
      if (err instanceof GraphQLError) return [withCode(err, 'GRAPHQL_PARSE_FAILED')];
      throw err;
    }
    const invalid = validateDocument(schema, document);
    if (invalid.length) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
    if (!getOperationAST(document, payload.operationName)) {
      const message = payload.operationName ? `Unknown operation named "${payload.operationName}".` : 'Must provide operation name if query contains multiple operations.';
      return [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
    }
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };

  return {
    ...options,
    onSubscribe: async (ctx, id, payload) => {
      const own = await onSubscribe?.(ctx, id, payload);
      if (own && areGraphQLErrors(own)) return own;
      const args = own || prepare(payload);
      if (Array.isArray(args)) return args;
      // One error for introspection, as on HTTP (graphql-js's rule reports every introspection field).
      const introspecting = policy.introspection ? undefined : validate(schema, args.document, [NoSchemaIntrospectionCustomRule])[0];
      return introspecting ? [new GraphQLError(INTROSPECTION_DISABLED, { nodes: introspecting.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] : args;
    },
    onNext: async (ctx, id, payload, args, result) => {
      const coded: ExecutionResult = result.errors?.some(isVariableError) ? { ...result, errors: result.errors.map((e) => (isVariableError(e) ? withCode(e, 'BAD_USER_INPUT') : e)) } : result;
      const formatted = (await onNext?.(ctx, id, payload, args, coded)) ?? (coded === result ? undefined : { ...coded, errors: coded.errors?.map((e) => e.toJSON()) });
      return formatted?.errors ? { ...formatted, errors: hide(formatted.errors) } : formatted;
    },
    onError: async (ctx, id, payload, errors) => hide((await onError?.(ctx, id, payload, errors)) ?? errors.map((e) => e.toJSON())),
  };
}
