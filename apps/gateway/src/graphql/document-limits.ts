import { GraphQLError, Kind, parse, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';

/**
 * Caps on the document itself. graphql-js and the depth rule validate fragments
 * recursively, so a long enough chain of spreads (A → B → C → …) overflows the
 * stack (past about 2 000 fragments). The token cap is what prevents it, at
 * parse time: a fragment takes at least 8 tokens (`fragment A on Query { ...B }`),
 * so 2 000 tokens bound a chain to 250, which validates safely. The largest
 * contract operation (Customer360) has 165 tokens and no fragment; 50 fragments
 * is more than a client's colocated fragments need. Spreads also count towards
 * the depth limit of 10, so a legal chain is short anyway.
 */
export const MAX_TOKENS = 2000;
export const MAX_FRAGMENTS = 50;

/** graphql-js stops lexing at the cap: an oversized document costs no more than the cap to refuse. */
export const PARSE_OPTIONS = { maxTokens: MAX_TOKENS } as const;

/** Parses with the token cap; a syntax error or an oversized document is a GraphQLError (GRAPHQL_PARSE_FAILED). */
export function parseCapped(source: string): DocumentNode | GraphQLError {
  try {
    return parse(source, PARSE_OPTIONS);
  } catch (err) {
    const message = err instanceof GraphQLError ? err.message : 'Syntax Error: the document could not be parsed.';
    return new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  }
}

/** A validation rule: a document with more than MAX_FRAGMENTS fragment definitions is refused. */
export function maxFragmentsRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      if (fragments.length > MAX_FRAGMENTS) {
        context.reportError(new GraphQLError(`The document has ${fragments.length} fragments; at most ${MAX_FRAGMENTS} are allowed.`, { nodes: fragments[MAX_FRAGMENTS] }));
      }
    },
  };
}
