import { createSourceEventStream, execute, getOperationAST, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../context.js';
import { RawJson } from './raw-json.js';
import { mapIterator } from './iterators.js';
import { withLocale } from '../common/i18n.js';

/**
 * Says which subscribers of a root subscription field may share one execution per event: two
 * subscribers with the same document, variables and share key get the very same result object.
 * The key must capture everything the field's result depends on for this viewer (e.g. their role).
 */
export type ShareKey = (ctx: Context, payload: object) => Promise<string> | string;

const shareKeys = new Map<string, ShareKey>();

export function shareSubscriptionResults(fieldName: string, key: ShareKey): void {
  shareKeys.set(fieldName, key);
}

/** Distinct (document, variables, operation, language) of shared subscriptions → a number; few per process (a big screen's query, a phone's). */
const operationNumbers = new Map<string, number>();
function operationNumber(operation: string): number {
  let n = operationNumbers.get(operation);
  if (n === undefined) {
    // Beyond a bound (a client inventing documents), numbers are not kept: a new subscription then gets a new one, so it shares less, never wrongly.
    n = operationNumbers.size + 1 + (operationNumbers.size >= 10_000 ? Math.random() : 0);
    if (operationNumbers.size < 10_000) operationNumbers.set(operation, n);
  }
  return n;
}

const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/**
 * graphql-ws `subscribe`: like graphql-js's, except that for fields registered above the event is
 * executed once per distinct (document, variables, share key) and the result shared. A thousand
 * screens on one leaderboard cost one execution per event instead of a thousand.
 */
export async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  // Every event is executed in the subscriber's language (the loop that pulls events runs outside it).
  const locale = (args.contextValue as Context).locale;
  const source = await withLocale(locale, () => createSourceEventStream(args));
  if (!isAsyncIterator(source)) return source as ExecutionResult;
  const operation = getOperationAST(args.document, args.operationName);
  const field = operation?.selectionSet.selections[0];
  const shareKey = field?.kind === 'Field' ? shareKeys.get(field.name.value) : undefined;
  // The document, variables and language as a short number: the key is built per subscriber per event.
  const base = shareKey ? operationNumber(`${print(args.document)}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${args.operationName ?? ''}\u0000${locale}`) : 0;
  const run = (payload: unknown) => withLocale(locale, () => execute({ ...args, rootValue: payload }) as Promise<ExecutionResult> | ExecutionResult);
  return mapIterator(source, async (payload) => {
    if (!shareKey || typeof payload !== 'object' || payload === null) return run(payload);
    const key = `${base}|${await shareKey(args.contextValue as Context, payload)}`;
    let byKey = results.get(payload);
    if (!byKey) results.set(payload, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) byKey.set(key, (result = Promise.resolve(run(payload)).then(serializeOnce)));
    return result;
  });
}

/** The shared result's data serialized once for every socket (see raw-json.ts). */
function serializeOnce(result: ExecutionResult): ExecutionResult {
  return result.data ? { ...result, data: new RawJson(result.data) as unknown as Record<string, unknown> } : result;
}

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> {
  return typeof (value as AsyncIterator<unknown>)?.next === 'function';
}
