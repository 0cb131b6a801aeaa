import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { badInput, DomainError, UserErrorCode } from './errors.js';

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

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\`; at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Items before \`before\`; at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true })
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
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => nodeType) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (keyset pagination).` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType]) edges!: Edge<T>[];
    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
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
  if (first != null && last != null) throw badInput('Pass either `first` or `last`, not both');
  for (const [name, v] of [['first', first], ['last', last]] as const) {
    if (v != null && (!Number.isInteger(v) || v < 0 || v > MAX_PAGE_SIZE)) {
      throw badInput(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}`);
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
  if (!id) throw new DomainError({ code: UserErrorCode.INVALID_INPUT, message: `${field[field.length - 1]} is not a ${type} ID`, field });
  return id;
}
