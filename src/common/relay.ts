import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { badInput, DomainError, UserErrorCode } from './errors.js';
import { commonMessage, nameOf } from './messages.js';

/**
 * Global IDs are opaque: base64url("Type:uuid"). Clients must not parse them; we do, to route
 * `node(id:)` and to refuse an ID of the wrong type with a clear message.
 */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const raw = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = raw.indexOf(':');
  if (sep <= 0) return null;
  const type = raw.slice(0, sep);
  const id = raw.slice(sep + 1);
  if (!/^[A-Za-z]+$/.test(type) || !UUID.test(id)) return null;
  return { type, id: id.toLowerCase() };
}

/** The uuid inside a global ID of the expected type, or null when it is malformed or of another type. */
export function idOf(globalId: string, expectedType: string): string | null {
  const parsed = parseGlobalId(globalId);
  return parsed && parsed.type === expectedType ? parsed.id : null;
}

/** The GraphQL type name of an entity; entity classes are named as their GraphQL types. */
export function nodeTypeOf(value: object): string {
  return (value.constructor as { name: string }).name;
}

@InterfaceType('Node', {
  description: 'An object with a global ID, fetchable with node(id:).',
  resolveType: (value: object) => nodeTypeOf(value),
})
export abstract class Node {
  /** The database key (uuid). Not exposed: clients see `id` as the global ID below. */
  abstract id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global ID.' })
  get globalId(): string {
    return toGlobalId(nodeTypeOf(this), this.id);
  }
}

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'More items follow this page: ask again with `after: endCursor`.' }) hasNextPage!: boolean;
  @Field({ description: 'Items come before this page: ask again with `before: startCursor` and `last`.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The first item’s cursor; null on an empty page.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'The last item’s cursor; null on an empty page.' }) endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return from the start (or after \`after\`): 0 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given. Not with \`last\`.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An `endCursor` (or any edge’s `cursor`) of this list in the same order: the page starts after it.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `How many items to return from the end (or before \`before\`): 0 to ${MAX_PAGE_SIZE}. Not with \`first\`.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A `startCursor` (or any edge’s `cursor`) of this list in the same order: the page ends before it.' })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `XConnection` and `XEdge` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} item of a page, with its place in the list.` })
  class EdgeType {
    @Field({ description: 'Opaque: pass as `after` or `before` to page from this item. Valid for this list and order only.' }) cursor!: string;
    @Field(() => nodeType, { description: 'The item.' }) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (keyset pagination).` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors, in the list’s order.' }) edges!: Edge<T>[];
    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo, { description: 'Whether there are pages before and after this one, and the cursors to reach them.' }) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Items matching the filter, over all pages.' }) totalCount!: number;
  }
  return ConnectionType;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Checks first/last; both given or out of range is a client fault with a clear message. */
export function checkPageRequest(args: PageRequest): { first?: number; last?: number } {
  const { first, last } = args;
  if (first != null && last != null) throw badInput(commonMessage('firstAndLast'));
  for (const [name, v] of [['first', first], ['last', last]] as const) {
    if (v != null && (!Number.isInteger(v) || v < 0 || v > MAX_PAGE_SIZE)) {
      throw badInput(commonMessage('pageSize', { name, max: MAX_PAGE_SIZE }));
    }
  }
  if (first == null && last == null) return { first: DEFAULT_PAGE_SIZE };
  return { first: first ?? undefined, last: last ?? undefined };
}

/**
 * The uuid inside an input's global ID; a malformed ID or one of another type is a userError
 * naming the field, so a client mixing up IDs learns which one.
 */
export function expectId(globalId: string | null | undefined, type: string, field: string[]): string {
  const id = globalId ? idOf(globalId, type) : null;
  if (!id) throw new DomainError({ code: UserErrorCode.INVALID_INPUT, message: commonMessage('notAnId', { field: field[field.length - 1], type: nameOf(type) }), field });
  return id;
}
