import { getOperationAST, GraphQLError, validate, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Viewer } from '../auth/viewer';
import { budgetKey, type CostGuard } from './cost-guard';
import { parseCapped } from './document-limits';
import { documentInputError } from './input-guard';
import type { ResultSink } from './shared-subscription';
import { socketResultSink, type SlowConsumerPolicy } from './ws-result-sink';

type Extra = { viewer?: Viewer; socket?: WebSocket };

/**
 * graphql-ws's onSubscribe with the same checks as HTTP: token cap, fragment
 * cap, validation, the input guard, cost and budget. Whatever refuses an operation answers that
 * operation with an error; the socket and its other subscriptions go on
 * (graphql-ws closes the whole socket with 4500 when onSubscribe throws).
 */
export function wsOperations(schema: GraphQLSchema, rules: readonly ValidationRule[], guard: CostGuard, slowConsumers: SlowConsumerPolicy) {
  const costs = new WeakMap<ExecutionArgs, { key: string; cost: number }>();
  const sinks = new WeakMap<ExecutionArgs, ResultSink>();
  return {
    onSubscribe: (ctx: WsContext<Record<string, unknown>, Extra>, id: string, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] => {
      try {
        const document = parseCapped(payload.query);
        if (document instanceof GraphQLError) return [document];
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          // Apollo's words over HTTP, so both transports answer alike.
          const message = payload.operationName ? `Unknown operation named "${payload.operationName}".` : 'Must provide operation name if query contains multiple operations.';
          return [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        }
        const badInput = documentInputError(schema, document, payload.operationName, payload.variables);
        if (badInput) return [badInput];
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables };
        const key = budgetKey(ctx.extra.viewer, undefined);
        const admission = guard.admit(document, operation.name?.value, payload.variables, key);
        if (!admission.ok) return [new GraphQLError(admission.refusal.message, { extensions: admission.refusal.extensions })];
        costs.set(args, { key, cost: admission.cost });
        // Shared subscription events skip graphql-ws's per-message path and go straight to the socket (shared-subscription.ts).
        const socket = ctx.extra.socket;
        if (socket && operation.operation === 'subscription') {
          const cost = admission.cost;
          sinks.set(
            args,
            socketResultSink(socket, id, () => ({ cost: guard.report(key, cost) }), slowConsumers),
          );
        }
        return args;
      } catch (err) {
        // A bug here answers this one operation (masked and logged by onError), never the socket.
        return [new GraphQLError('Internal server error', { originalError: err instanceof Error ? err : new Error(String(err)) })];
      }
    },
    /** Where a subscription's shared events are written: its socket, each with the operation's id and `extensions.cost`. */
    sinkFor: (args: ExecutionArgs): ResultSink | undefined => sinks.get(args),
    /** A result with `extensions.cost`: the operation's cost and the viewer's budget now (each event of a subscription too). */
    withCost: <R extends ExecutionResult | FormattedExecutionResult>(args: ExecutionArgs, result: R): R => {
      const charged = costs.get(args);
      return charged ? { ...result, extensions: { ...result.extensions, cost: guard.report(charged.key, charged.cost) } } : result;
    },
  };
}
