import {
  getArgumentValues, getNamedType, getNullableType, getVariableValues, isCompositeType, isInterfaceType, isListType, isObjectType, Kind,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/relay.js';
import { LimitError } from './errors.js';
import { m } from './messages.js';

/**
 * The cost of an operation before it runs, as Shopify and GitHub count it, so that a client pays
 * for what it may make the server load rather than for its text:
 * - a field returning an object costs 1, a scalar or enum 0, introspection and `__typename` 0;
 * - a connection (a field with `first`/`last`) costs 2, and the lists inside it (`edges`, `nodes`)
 *   count once per item asked (`first` or `last`, 20 when neither is given);
 * - another list field counts as many times as the list argument it is given (`nodes(ids:)`), else once;
 * - each root mutation field costs 10 more (a write is worth more than a read).
 * Variables are taken into account (unlike a purely textual count, which `first: $n` would fool).
 * A `first`/`last` over the maximum page size is refused here for every connection at once.
 */
export const MUTATION_COST = 10;

/**
 * Costs that no variable can change, by operation (Apollo hands the same parsed document to every
 * request with the same text): most operations (a save, a mark) are counted once per process, not
 * walked and their variables coerced on every request.
 */
const fixedCosts = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; cost: number }>();

/** Whether a field's arguments refer to a variable, at any depth of their values. */
function refersToVariables(node: FieldNode): boolean {
  const visit = (v: ValueNode): boolean =>
    v.kind === Kind.VARIABLE || (v.kind === Kind.LIST && v.values.some(visit)) || (v.kind === Kind.OBJECT && v.fields.some((f) => visit(f.value)));
  return (node.arguments ?? []).some((a) => visit(a.value));
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): number {
  const fixed = fixedCosts.get(operation);
  if (fixed?.schema === schema) return fixed.cost;
  // Coerced only when an argument that counts refers to one. Invalid variables fail at execution anyway; count with defaults meanwhile.
  let variables: Record<string, unknown> | undefined;
  const variablesNow = () => {
    if (variables) return variables;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
    return (variables = 'coerced' in coerced ? coerced.coerced : {});
  };
  // Set when a counted argument (a page size, a list's length) came from a variable: then the cost is this request's only.
  let varies = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const memo = new Map<string, number>();

  function selectionsCost(set: SelectionSetNode, parent: GraphQLCompositeType, pageSize: number | undefined): number {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        total += fieldCost(sel, parent, pageSize);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionsCost(sel.selectionSet, type, pageSize);
      } else {
        const fragment = fragments.get(sel.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || !isCompositeType(type)) continue;
        // Memoized per fragment and page size: nested spreads cost linear time to count, not exponential.
        const key = `${fragment.name.value}|${pageSize ?? ''}`;
        let cost = memo.get(key);
        if (cost === undefined) memo.set(key, (cost = selectionsCost(fragment.selectionSet, type, pageSize)));
        total += cost;
      }
    }
    return total;
  }

  function fieldCost(node: FieldNode, parent: GraphQLCompositeType, parentPage: number | undefined): number {
    if (node.name.value.startsWith('__')) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const def = parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined;
    if (!def) return 0;
    const type = getNamedType(def.type);
    const isList = isListType(getNullableType(def.type));
    const paged = !isList && def.args.some((a) => a.name === 'first' || a.name === 'last');
    // Only a page size or a list argument's length counts: other fields' arguments are not read.
    const args = paged || isList ? argumentsOf(def, node) : {};
    let page: number | undefined;
    // A connection: a paged field returning one object (edges, nodes, pageInfo).
    if (paged) {
      // A field may allow larger pages (Leaderboard.rows, from memory): its `maxPageSize` extension.
      const max = typeof def.extensions?.maxPageSize === 'number' ? def.extensions.maxPageSize : MAX_PAGE_SIZE;
      for (const name of ['first', 'last'] as const) {
        const v = args[name];
        if (typeof v === 'number' && v > max) {
          throw new LimitError('BAD_USER_INPUT', m('pageTooLarge', { name, field: node.name.value, max, got: v }), { maximum: max });
        }
      }
      const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
      page = Math.max(0, asked);
    }
    if (!isCompositeType(type)) return 0;
    const own = page !== undefined ? 2 : 1;
    const one = own + (node.selectionSet ? selectionsCost(node.selectionSet, type, page) : 0);
    if (!isList) return one;
    return one * (parentPage ?? listArgumentLength(args) ?? 1);
  }

  function argumentsOf(def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    const withVariables = refersToVariables(node);
    varies ||= withVariables;
    try {
      return getArgumentValues(def, node, withVariables ? variablesNow() : {});
    } catch {
      return {}; // bad arguments fail at execution
    }
  }

  let total = 0;
  for (const sel of operation.selectionSet.selections) {
    total += selectionsCost({ kind: Kind.SELECTION_SET, selections: [sel] }, rootType, undefined);
    if (operation.operation === 'mutation' && sel.kind === Kind.FIELD && !sel.name.value.startsWith('__')) total += MUTATION_COST;
  }
  if (!varies) fixedCosts.set(operation, { schema, cost: total });
  return total;
}

function listArgumentLength(args: Record<string, unknown>): number | undefined {
  for (const v of Object.values(args)) if (Array.isArray(v)) return v.length;
  return undefined;
}

/** The number of root mutation fields: each is one write for the write throttle. */
export function writeCount(operation: OperationDefinitionNode): number {
  return operation.operation === 'mutation' ? Math.max(1, operation.selectionSet.selections.length) : 0;
}

/**
 * What an operation turned out to cost, from its result: each object returned counts 1 (a page of 3
 * where 100 were asked costs 3), plus MUTATION_COST per root mutation field. Shopify refunds the
 * difference to the budget; so do we.
 */
export function actualCost(data: unknown, operation: OperationDefinitionNode): number {
  const roots = data && typeof data === 'object' ? objectsIn(data) - 1 : 0;
  return roots + writeCount(operation) * MUTATION_COST;
}

/** Objects in a result, the value itself included. Plain loops: it walks every response (a drill paper's is ~500 objects). */
function objectsIn(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) n += objectsIn(x);
    return n;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) n += objectsIn(o[k]);
  return n + 1;
}
