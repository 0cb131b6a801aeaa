import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { commonMessage } from './messages.js';

/** PostgreSQL text cannot hold U+0000: any string carrying it would fail deep inside a query. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => hasNul(v, depth + 1));
}

/** Apollo keeps parsed documents in its cache and hands out the same object: its literals never change. */
const checkedDocuments = new WeakMap<DocumentNode, boolean>();

function documentHasNul(document: DocumentNode): boolean {
  let found = checkedDocuments.get(document);
  if (found === undefined) checkedDocuments.set(document, (found = literalHasNul(document)));
  return found;
}

function literalHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/** The refusal for a request whose variables or literals carry U+0000, or null: shared by HTTP and WebSocket. */
export function nulRefusal(variables: unknown, document: DocumentNode, forHttp: boolean): GraphQLError | null {
  if (!hasNul(variables) && !documentHasNul(document)) return null;
  // http: a plugin's error is a 500 unless it says otherwise; this one is the client's fault.
  return new GraphQLError(commonMessage('nulCharacter'), { extensions: { code: 'BAD_USER_INPUT', ...(forHttp ? { http: { status: 400 } } : {}) } });
}

/**
 * Refuses, before any resolver runs, a request whose variables or literals contain U+0000, so every
 * text input (search filters and login included, not only those checked by InputCheck) gets a clear
 * BAD_USER_INPUT instead of a database error. (The WebSocket path calls nulRefusal itself.)
 */
export const nulGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const refusal = nulRefusal(request.variables, document, true);
        if (refusal) throw refusal;
      },
    };
  },
};
