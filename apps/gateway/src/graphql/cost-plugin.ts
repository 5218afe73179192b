import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { budgetKey, type CostGuard, type CostRefusal } from './cost-guard';

function httpError(refusal: CostRefusal): GraphQLError {
  const headers = new HeaderMap(refusal.retryAfterSeconds ? [['retry-after', String(refusal.retryAfterSeconds)]] : []);
  return new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: refusal.httpStatus, headers } } });
}

/**
 * Cost limits over HTTP: the cost and the viewer's budget once the operation is
 * known and before it runs, `extensions.cost` on the response. The token cap is
 * Apollo's `parseOptions`, the fragment cap a validation rule (document-limits.ts).
 */
export function costPlugin(guard: CostGuard): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const key = budgetKey(contextValue.viewer, contextValue.remoteAddress);
      let cost: number | null = null;
      return {
        async didResolveOperation({ document, operation, request }) {
          // Without an operation nothing runs: execution answers "Must provide operation name".
          if (!operation) return;
          const admission = guard.admit(document, operation.name?.value, request.variables, key);
          if (!admission.ok) throw httpError(admission.refusal);
          cost = admission.cost;
        },
        async willSendResponse({ response }) {
          if (cost === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // Admission turned it away after the charge (graphql/admission-plugin.ts): nothing ran, so nothing is spent.
          if (result.errors?.[0]?.extensions?.code === 'SERVER_BUSY') guard.refund(key, cost);
          result.extensions = { ...result.extensions, cost: guard.report(key, cost) };
        },
      };
    },
  };
}
