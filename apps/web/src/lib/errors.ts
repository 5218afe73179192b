import type { CombinedError } from '@urql/core';

const key = (path: readonly (string | number)[]) => path.join('.');

/**
 * A field the viewer's role may not read fails at its own path with FORBIDDEN
 * while the rest of the answer arrives (the contract). This lists those paths
 * so a screen can show "not for your role" in that place, never an error page.
 */
export function forbiddenPaths(error: CombinedError | undefined): Set<string> {
  const paths = new Set<string>();
  for (const e of error?.graphQLErrors ?? []) {
    if (e.extensions?.code === 'FORBIDDEN' && e.path) paths.add(key(e.path));
  }
  return paths;
}

export function isForbidden(paths: Set<string>, path: readonly (string | number)[]): boolean {
  return paths.has(key(path));
}

/** Errors that are not a FORBIDDEN field: what a screen shows as a failure, in words. */
export function failures(error: CombinedError | undefined): string[] {
  if (!error) return [];
  if (error.networkError) return ['The server cannot be reached. Check the connection and try again.'];
  return error.graphQLErrors.filter((e) => e.extensions?.code !== 'FORBIDDEN').map((e) => e.message);
}
