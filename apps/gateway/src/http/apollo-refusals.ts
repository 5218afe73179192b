import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isUnexpected, maskError } from '../graphql/errors';
import { INTROSPECTION_DISABLED, withoutSuggestions } from '../graphql/schema-privacy';

/**
 * Apollo refuses a few requests with an HTTP 4xx status but no code (a
 * persisted-query hash that does not match its query, an unsupported
 * persisted-query version); its default code would be INTERNAL_SERVER_ERROR.
 * They are the client's mistake: BAD_REQUEST, like Apollo's other refusals.
 */
function isApolloRefusal(error: GraphQLError): boolean {
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return error.extensions.code === undefined && !error.originalError && typeof status === 'number' && status >= 400 && status < 500;
}

/** What a client sees of an error, before masking: Apollo's refusals get a client code, its introspection refusal our wording. */
function clientFacing(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (error instanceof GraphQLError && isApolloRefusal(error)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  if (formatted.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED') {
    const { validationErrorCode: _apollo, ...extensions } = formatted.extensions;
    return { ...formatted, message: INTROSPECTION_DISABLED, extensions };
  }
  return formatted;
}

/** Apollo's formatError: Apollo's own refusals keep a client code, the rest is masked, and hints go when the schema is private. */
export function formatHttpError(options: { hideSuggestions: boolean }): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const masked = maskError(clientFacing(formatted, error), error);
    return options.hideSuggestions ? withoutSuggestions(masked) : masked;
  };
}

/** True when an error reaching Apollo's didEncounterErrors is one we mask (and so must log with its stack). */
export function isUnexpectedHttpError(error: GraphQLError): boolean {
  return isUnexpected(clientFacing({ message: error.message, extensions: error.extensions }, error), error);
}

/**
 * Subscriptions are served over graphql-ws on the same URL. Over HTTP, Apollo
 * would execute the subscription field as a query and fail inside it with an
 * internal error; this refuses the operation first, as the client's mistake.
 */
export function subscriptionsOverHttpRefused(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions are served over graphql-ws (WebSocket) on this URL, not over HTTP.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        },
      };
    },
  };
}
