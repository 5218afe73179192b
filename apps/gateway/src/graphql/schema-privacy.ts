/**
 * With INTROSPECTION off (production's default) a client learns the schema only
 * from the operations it was given: no introspection, and no hints in errors.
 */
export const INTROSPECTION_DISABLED = 'Introspection is disabled on this server.';

/**
 * graphql-js ends some messages with a hint, `Did you mean "name"?` or `Did you
 * mean the enum value "CONFIRMED"?`, which names fields, arguments, types and
 * enum values: the schema, to a client that is not allowed to introspect it.
 * (Names cannot contain "?", so the hint ends at the first one.)
 */
export function withoutSuggestions<T extends { message: string }>(error: T): T {
  const message = error.message.replace(/ ?Did you mean [^?]*\?/g, '');
  return message === error.message ? error : { ...error, message };
}
