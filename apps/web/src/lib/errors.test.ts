import { CombinedError } from '@urql/core';
import { failures, forbiddenPaths, isForbidden } from './errors';

const gqlError = (message: string, code: string, path?: (string | number)[]) => ({ message, path, extensions: { code } });

describe('forbiddenPaths: where the role may not read, so the screen says so in that place', () => {
  const error = new CombinedError({
    graphQLErrors: [
      gqlError('Your role may not read orders.', 'FORBIDDEN', ['customer', 'orders']),
      gqlError('Your role may not read credit figures.', 'FORBIDDEN', ['contacts', 'edges', 3, 'node', 'customer', 'credit', 'available']),
      gqlError('Something broke.', 'INTERNAL_SERVER_ERROR', ['customer', 'invoices']),
      gqlError('Your role may not read customers.', 'FORBIDDEN'), // no path: not a place on the screen
    ],
  });

  it('lists the FORBIDDEN errors’ paths, and nothing else', () => {
    expect([...forbiddenPaths(error)].sort()).toEqual(['contacts.edges.3.node.customer.credit.available', 'customer.orders']);
  });

  it('matches a path exactly, list indexes included', () => {
    const paths = forbiddenPaths(error);
    expect(isForbidden(paths, ['customer', 'orders'])).toBe(true);
    expect(isForbidden(paths, ['contacts', 'edges', 3, 'node', 'customer', 'credit', 'available'])).toBe(true);
    expect(isForbidden(paths, ['contacts', 'edges', 2, 'node', 'customer', 'credit', 'available'])).toBe(false);
    expect(isForbidden(paths, ['customer'])).toBe(false);
    expect(isForbidden(paths, ['customer', 'invoices'])).toBe(false);
  });

  it('is empty without an error, or for a network failure', () => {
    expect(forbiddenPaths(undefined).size).toBe(0);
    expect(forbiddenPaths(new CombinedError({ networkError: new Error('offline') })).size).toBe(0);
  });

  it('leaves the other errors to failures(), in words; a network failure is one sentence', () => {
    expect(failures(error)).toEqual(['Something broke.']);
    expect(failures(undefined)).toEqual([]);
    expect(failures(new CombinedError({ networkError: new Error('offline') }))).toEqual(['The server cannot be reached. Check the connection and try again.']);
  });
});
