import { getNamedType, isLeafType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { idOf } from '../common/relay.js';

/**
 * Which fields an answer may select and still be kept across marks in other competitions
 * (docs/response-cache.md, "Marks in other competitions"). Each type lists the fields that return
 * objects and stay inside the competition the root field named (or are registry data, which no
 * mark writes); `LEAF` admits the type's scalar and enum fields, which on these types are that
 * competition's own data. A field not listed makes the answer's scope unknown: it is then dropped
 * on every live event, as before. Adding a field here means checking that what it reads for
 * competition X changes with no mark in another competition. test/cache checks every name exists.
 */
const LEAF = '*';
export const MARK_SCOPED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['competition'],
  Competition: [LEAF, 'stages', 'entries', 'leaderboard', 'hostEnterprise'],
  Stage: [LEAF, 'criteria', 'competition'],
  Criterion: [LEAF],
  EntryConnection: [LEAF, 'edges', 'nodes', 'pageInfo'],
  EntryEdge: [LEAF, 'node'],
  Entry: [LEAF, 'participants', 'competition'],
  EntryParticipant: [LEAF, 'enterprise', 'worker'],
  Leaderboard: [LEAF, 'rows'],
  LeaderboardRowConnection: [LEAF, 'edges', 'nodes', 'pageInfo'],
  LeaderboardRowEdge: [LEAF, 'node'],
  LeaderboardRow: [LEAF, 'stageTotals'],
  StageTotal: [LEAF],
  PageInfo: [LEAF],
  // Registry data: only mutations change it, and every mutation empties the whole cache.
  Enterprise: [LEAF],
  Worker: [LEAF, 'enterprise'],
};

function argumentValue(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  if (node.kind === 'StringValue') return node.value;
  if (node.kind === 'Variable') return variables?.[node.name.value];
  return undefined;
}

/**
 * The competitions (database ids) an answer read, if it provably read no other competition's
 * marks: its operation's root fields are all `competition(id:)`, and every field in the document
 * is in MARK_SCOPED_FIELDS. Null when unsure (the answer is then dropped on any live event).
 */
export function markScope(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): ReadonlySet<string> | null {
  if (operation.operation !== 'query') return null;
  const ids = new Set<string>();
  for (const s of operation.selectionSet.selections) {
    if (s.kind !== 'Field') return null;
    if (s.name.value === '__typename') continue;
    if (s.name.value !== 'competition') return null;
    const arg = s.arguments?.find((a) => a.name.value === 'id');
    const value = arg ? argumentValue(arg.value, variables) : undefined;
    const id = typeof value === 'string' ? idOf(value, 'Competition') : null;
    if (!id) return null;
    ids.add(id);
  }
  const info = new TypeInfo(schema);
  let scoped = true;
  // Every field of the document, fragments included (an unused one only makes it stricter).
  visit(document, visitWithTypeInfo(info, {
    Field(node) {
      if (node.name.value === '__typename') return;
      const parent = info.getParentType();
      const field = info.getFieldDef();
      const allowed = parent ? MARK_SCOPED_FIELDS[parent.name] : undefined;
      const ok = !!allowed && !!field && (allowed.includes(node.name.value) || (allowed.includes(LEAF) && isLeafType(getNamedType(field.type))));
      if (!ok) scoped = false;
    },
  }));
  return scoped ? ids : null;
}
