import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

/** PostgreSQL text cannot hold U+0000: any string carrying it would fail deep inside a query. */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => hasNul(v, depth + 1));
}

export function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/**
 * Refuses, before any resolver runs, a request whose variables or literals contain U+0000, so every
 * text input (search filters and login included, not only those checked by InputCheck) gets a clear
 * BAD_USER_INPUT instead of a database error.
 */
export const nulGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (hasNul(request.variables) || documentHasNul(document)) {
          // http: a plugin's error is a 500 unless it says otherwise; this one is the client's fault.
          throw new GraphQLError('Text may not contain the NUL character (U+0000)', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
        }
      },
    };
  },
};
