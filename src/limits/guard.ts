import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  NoSchemaIntrospectionCustomRule, specifiedRules,
  type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode, type ValidationContext, type ValidationRule,
} from 'graphql';
import type { Limits } from '../config.js';
import { LimitError, type LimitCode } from './errors.js';
import { actualCost, operationCost, writeCount } from './cost.js';
import { TokenBuckets } from './token-bucket.js';
import { m } from './messages.js';

/** What `extensions.cost` says, in Shopify's shape. */
export interface CostReport {
  requestedQueryCost: number;
  /** From the result (HTTP only); the budget gets back what was asked beyond it. */
  actualQueryCost?: number;
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/**
 * Every limit on what one operation may ask, shared by HTTP (Apollo) and WebSocket (graphql-ws)
 * so that neither transport is a way around the other's limits.
 * - depth, aliases and directives: graphql-armor's validation rules, reporting our codes;
 * - tokens: graphql-js's own `maxTokens` parse option (armor's token plugin for Apollo throws from
 *   `parsingDidStart`, which Apollo 5 answers with a 500);
 * - cost: our count (cost.ts) instead of armor's, which ignores a `first` passed as a variable;
 * - per-client budgets: token buckets for cost and for writes.
 */
export class RequestGuard {
  readonly costBuckets: TokenBuckets;
  readonly writeBuckets: TokenBuckets;
  /** Armor's rules; pass them to Apollo's `validationRules`. */
  readonly validationRules: ValidationRule[];
  /** Armor's Apollo plugins (field suggestions hidden in production). */
  readonly apolloPlugins: ApolloServerPlugin[];

  /**
   * `production` hides field suggestions; `introspection` (off in production unless the IDE is on
   * there, see config.ts) is applied on the WebSocket here and over HTTP by Apollo.
   */
  constructor(readonly limits: Limits, readonly production: boolean, now: () => number = Date.now, readonly introspection = !production) {
    this.costBuckets = new TokenBuckets(limits.costBudget, limits.costRestorePerSecond, now);
    this.writeBuckets = new TokenBuckets(limits.writeBurst, limits.writesPerSecond, now);
    // Armor's own message is English; ours names the limit in the reader's language.
    const reject = (code: LimitCode, message: () => string) => (ctx: ValidationContext | null, _err: GraphQLError) =>
      ctx?.reportError(new LimitError(code, message()));
    const armor = new ApolloArmor({
      blockFieldSuggestion: { enabled: production },
      costLimit: { enabled: false },
      maxTokens: { enabled: false },
      maxDepth: { n: limits.maxDepth, propagateOnRejection: false, onReject: [reject('QUERY_TOO_DEEP', () => m('queryTooDeep', { max: limits.maxDepth }))] },
      maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reject('TOO_MANY_ALIASES', () => m('tooManyAliases', { max: limits.maxAliases }))] },
      maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reject('TOO_MANY_DIRECTIVES', () => m('tooManyDirectives', { max: limits.maxDirectives }))] },
    }).protect();
    this.validationRules = armor.validationRules as ValidationRule[];
    this.apolloPlugins = armor.plugins as ApolloServerPlugin[];
  }

  /** The rules graphql-ws must apply itself (Apollo adds specifiedRules and its introspection switch). */
  get allValidationRules(): ValidationRule[] {
    return [...specifiedRules, ...this.validationRules, ...(this.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  }

  /**
   * Admits a validated operation for `who` (a user, or a client address when anonymous) or throws
   * a LimitError: page size, cost, then (when `charge`) the write and cost budgets. A refused
   * operation takes nothing from either budget.
   */
  admit(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, who: string, charge: boolean): CostReport {
    const cost = operationCost(schema, document, operation, variables);
    if (cost > this.limits.maxCost) {
      throw new LimitError('QUERY_TOO_COSTLY', m('queryTooCostly', { cost, max: this.limits.maxCost }), {
        cost: { requestedQueryCost: cost },
        maximumCost: this.limits.maxCost,
      });
    }
    if (!charge) return { requestedQueryCost: cost };
    const available = this.costBuckets.available(who);
    const status = (currentlyAvailable: number) => ({
      maximumAvailable: this.limits.costBudget,
      currentlyAvailable: Math.floor(currentlyAvailable),
      restoreRate: this.limits.costRestorePerSecond,
    });
    if (cost > available) {
      const retryAfterSeconds = Math.max(1, Math.ceil((cost - available) / this.limits.costRestorePerSecond));
      throw throttled(m('costBudgetExhausted', { cost, available: Math.floor(available), seconds: retryAfterSeconds }), retryAfterSeconds, {
        requestedQueryCost: cost,
        throttleStatus: status(available),
      });
    }
    const writes = writeCount(operation);
    if (writes > 0) {
      const w = this.writeBuckets.take(who, writes);
      if (!w.ok) {
        throw throttled(m('tooManyWrites', { rate: this.limits.writesPerSecond, burst: this.limits.writeBurst, seconds: w.retryAfterSeconds }), w.retryAfterSeconds, {
          requestedQueryCost: cost,
          throttleStatus: status(available),
        });
      }
    }
    const taken = this.costBuckets.take(who, cost);
    return { requestedQueryCost: cost, throttleStatus: status(taken.remaining) };
  }
}

function throttled(message: string, retryAfterSeconds: number, cost: CostReport): LimitError {
  return new LimitError('THROTTLED', message, {
    retryAfterSeconds,
    cost,
    // Apollo takes status and headers from an error thrown before execution.
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
}

/** Settles a charged operation on its result: reports the actual cost and refunds the rest. */
export function settle(guard: RequestGuard, report: CostReport, who: string, data: unknown, operation: OperationDefinitionNode): CostReport {
  if (!report.throttleStatus) return report;
  const actual = actualCost(data, operation);
  if (actual < report.requestedQueryCost) guard.costBuckets.refund(who, report.requestedQueryCost - actual);
  return {
    requestedQueryCost: report.requestedQueryCost,
    actualQueryCost: actual,
    throttleStatus: { ...report.throttleStatus, currentlyAvailable: Math.floor(guard.costBuckets.available(who)) },
  };
}

/** The budget key of a request: the user, else the client's address. */
export function budgetKey(viewer: { id: string } | null, clientAddress: string | undefined): string {
  return viewer ? `user:${viewer.id}` : `addr:${clientAddress ?? 'unknown'}`;
}
