import { buildSchema, getOperationAST, parse } from 'graphql';
import { actualCost, operationCost, writeCount } from '../../src/limits/cost';
import { TokenBuckets } from '../../src/limits/token-bucket';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Item implements Node { id: ID! name: String! owner: Owner tags: [String!]! }
  type Owner implements Node { id: ID! items(first: Int, last: Int): ItemConnection! top(first: Int): [Item!]! }
  type ItemEdge { cursor: String! node: Item! }
  type PageInfo { hasNextPage: Boolean! }
  type ItemConnection { edges: [ItemEdge!]! nodes: [Item!]! pageInfo: PageInfo! totalCount: Int! }
  type Payload { item: Item }
  type Query { items(first: Int, last: Int): ItemConnection! node(id: ID!): Node nodes(ids: [ID!]!): [Node]! }
  type Mutation { rename(id: ID!): Payload! }
`);

function cost(query: string, variables?: Record<string, unknown>): number {
  const doc = parse(query);
  return operationCost(schema, doc, getOperationAST(doc)!, variables);
}

describe('operationCost', () => {
  it('counts objects, not scalars; a connection 2 plus its lists once per item asked', () => {
    expect(cost('{ items(first: 10) { totalCount } }')).toBe(2);
    expect(cost('{ items(first: 10) { pageInfo { hasNextPage } } }')).toBe(3);
    expect(cost('{ items(first: 10) { nodes { id name tags } } }')).toBe(2 + 10);
    expect(cost('{ items(first: 10) { edges { cursor node { owner { id } } } } }')).toBe(2 + 10 * 3);
  });

  it('takes 20 items when neither first nor last is given, and reads variables', () => {
    expect(cost('{ items { nodes { id } } }')).toBe(22);
    expect(cost('query($n: Int) { items(last: $n) { nodes { id } } }', { n: 7 })).toBe(9);
  });

  it('counts one parsed operation anew for each request whose variables set a page size or a list length', () => {
    // Apollo hands every request with the same text the same parsed document: the cost must not stick to it.
    const paged = parse('query($n: Int) { items(first: $n) { nodes { id } } }');
    const listed = parse('query($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    const nested = parse('query($n: Int) { node(id: "o") { ... on Owner { items(first: $n) { nodes { id } } } } }');
    for (const n of [3, 50, 3]) {
      expect(operationCost(schema, paged, getOperationAST(paged)!, { n })).toBe(2 + n);
      expect(operationCost(schema, listed, getOperationAST(listed)!, { ids: Array.from({ length: n }, (_, i) => String(i)) })).toBe(n);
      expect(operationCost(schema, nested, getOperationAST(nested)!, { n })).toBe(1 + 2 + n);
    }
    expect(() => operationCost(schema, paged, getOperationAST(paged)!, { n: 101 })).toThrow(/100/);
  });

  it('gives an operation whose variables count for nothing the same cost whatever they are', () => {
    const doc = parse('mutation($id: ID!) { rename(id: $id) { item { owner { items(first: 4) { nodes { id } } } } } }');
    for (const id of ['a', 'b', 'c']) expect(operationCost(schema, doc, getOperationAST(doc)!, { id })).toBe(10 + 1 + 1 + 1 + 2 + 4);
  });

  it('multiplies nested connections', () => {
    expect(cost('{ items(first: 10) { nodes { owner { items(first: 5) { nodes { id } } } } } }')).toBe(2 + 10 * (1 + 1 + 2 + 5));
  });

  it('counts a plain list with `first` (a window on a list in memory) as a plain list, uncapped', () => {
    expect(cost('{ node(id: "o") { ... on Owner { top(first: 500) { owner { id } } } } }')).toBe(1 + 2);
  });

  it('counts a list argument’s length for plain lists (nodes(ids:))', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(3);
    expect(cost('{ node(id: "a") { ... on Item { owner { id } } } }')).toBe(2);
  });

  it('counts fragments where they are spread, and introspection as nothing', () => {
    expect(cost('{ items(first: 4) { nodes { ...F } } } fragment F on Item { owner { id } }')).toBe(2 + 4 * 2);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('adds 10 per root mutation field, and counts writes', () => {
    const doc = parse('mutation { a: rename(id: "1") { item { id } } b: rename(id: "2") { item { id } } }');
    expect(operationCost(schema, doc, getOperationAST(doc)!, {})).toBe(2 * (10 + 2));
    expect(writeCount(getOperationAST(doc)!)).toBe(2);
    expect(writeCount(getOperationAST(parse('{ items { totalCount } }'))!)).toBe(0);
  });

  it('refuses first/last over 100', () => {
    expect(() => cost('query($n: Int) { items(first: $n) { totalCount } }', { n: 101 })).toThrow(/最大为 100/);
  });

  it('counts deeply nested fragment spreads in linear time', () => {
    let frags = 'fragment F0 on Item { id }';
    for (let i = 1; i <= 40; i++) frags += ` fragment F${i} on Item { ...F${i - 1} ...F${i - 1} }`;
    const started = Date.now();
    cost(`{ node(id: "x") { ...F40 } } ${frags}`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('actualCost', () => {
  it('counts the objects returned, plus 10 per root mutation field', () => {
    const q = getOperationAST(parse('{ items(first: 50) { nodes { id owner { id } } } }'))!;
    expect(actualCost({ items: { nodes: [{ id: 'a', owner: { id: 'o' } }, { id: 'b', owner: null }] } }, q)).toBe(1 + 3);
    const m = getOperationAST(parse('mutation { rename(id: "1") { item { id } } }'))!;
    expect(actualCost({ rename: { item: null } }, m)).toBe(1 + 10);
    expect(actualCost(null, q)).toBe(0);
  });
});

describe('TokenBuckets', () => {
  it('refunds up to capacity', () => {
    const b = new TokenBuckets(10, 1, () => 0);
    b.take('u', 8);
    b.refund('u', 5);
    expect(b.available('u')).toBe(7);
    b.refund('u', 50);
    expect(b.available('u')).toBe(10);
  });

  it('allows a burst, then refills at its rate, per key', () => {
    let now = 0;
    const b = new TokenBuckets(5, 2, () => now);
    for (let i = 0; i < 5; i++) expect(b.take('u', 1).ok).toBe(true);
    expect(b.take('u', 1)).toEqual({ ok: false, remaining: 0, retryAfterSeconds: 1 });
    expect(b.take('other', 5).ok).toBe(true);
    now = 1000; // two tokens back
    expect(b.take('u', 3)).toMatchObject({ ok: false, remaining: 2, retryAfterSeconds: 1 });
    expect(b.take('u', 2)).toMatchObject({ ok: true, remaining: 0 });
    now = 60_000;
    expect(b.available('u')).toBe(5);
  });

  it('takes nothing when refused, and says how long to wait', () => {
    let now = 0;
    const b = new TokenBuckets(10, 1, () => now);
    b.take('u', 8);
    expect(b.take('u', 10)).toMatchObject({ ok: false, retryAfterSeconds: 8 });
    expect(b.available('u')).toBe(2);
  });

  it('forgets full buckets once it holds too many keys', () => {
    let now = 0;
    const b = new TokenBuckets(1, 1, () => now, 3);
    for (const k of ['a', 'b', 'c']) b.take(k, 1);
    now = 5000;
    b.take('d', 1);
    expect(b.size).toBe(1);
  });
});
