import { answerKey, etagOf, ifNoneMatchHits, ResponseStore, type CachedAnswer } from '../../src/cache/store';
import { readFileSync } from 'node:fs';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { Flights, Gate } from '../../src/cache/flight';
import { markScope, MARK_SCOPED_FIELDS } from '../../src/cache/scope';
import { toGlobalId as globalId } from '../../src/common/relay';

const answer = (bytes: number): CachedAnswer => {
  const body = Buffer.alloc(bytes, 1);
  return { body, gzip: null, etag: etagOf(body), contentType: 'application/json', requestedCost: 1, actualCost: 1 };
};

describe('ResponseStore', () => {
  it('drops the least recently used answers once their bytes pass the bound', () => {
    const s = new ResponseStore(3000);
    expect(s.set('a', answer(900), 0)).toBe(true);
    expect(s.set('b', answer(900), 0)).toBe(true);
    s.get('a'); // a is now more recent than b
    expect(s.set('c', answer(900), 0)).toBe(true);
    expect([s.get('a') !== undefined, s.get('b') !== undefined, s.get('c') !== undefined]).toEqual([true, false, true]);
    expect(s.bytes).toBeLessThanOrEqual(3000);
    expect(s.set('huge', answer(5000), 0)).toBe(false);
  });

  it('refuses an answer computed before an invalidation, and forgets everything on one', () => {
    const s = new ResponseStore(10_000);
    const g = s.generation;
    s.set('a', answer(10), g);
    s.invalidate();
    expect(s.get('a')).toBeUndefined();
    expect(s.set('b', answer(10), g)).toBe(false);
    expect(s.set('b', answer(10), s.generation)).toBe(true);
    expect(s.bytes).toBeGreaterThan(0);
  });

  it('keeps an answer that read the clock until its edge only, and never stores one past it', () => {
    const s = new ResponseStore(10_000);
    const edge = 1_000_000;
    expect(s.set('a', { ...answer(10), expiresAt: edge }, s.generation, null, edge - 1)).toBe(true);
    expect(s.get('a', edge - 1)).toBeDefined();
    expect(s.get('a', edge)).toBeUndefined();
    // Dropped, not just hidden: its bytes are freed.
    expect(s.bytes).toBe(0);
    expect(s.set('b', { ...answer(10), expiresAt: edge }, s.generation, null, edge)).toBe(false);
    expect(s.set('c', answer(10), s.generation, null, edge)).toBe(true);
    expect(s.get('c', Number.MAX_SAFE_INTEGER)).toBeDefined();
  });

  it('keys on every part and matches If-None-Match weakly', () => {
    const k = { query: '{ a }', variables: { x: 1 }, locale: 'zh-CN', media: 'application/json' };
    expect(new Set([answerKey(k), answerKey({ ...k, locale: 'en' }), answerKey({ ...k, variables: { x: 2 } }), answerKey({ ...k, media: 'application/graphql-response+json' }), answerKey({ ...k, operationName: 'A' })]).size).toBe(5);
    const tag = etagOf(Buffer.from('x'));
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag.slice(2)}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});

describe('Flights (single flight)', () => {
  it('lets one request of a generation lead and the others of that generation wait for its answer', async () => {
    const flights = new Flights();
    const lead = flights.board('k', 5);
    const wait = flights.board('k', 5);
    const other = flights.board('other', 5);
    expect('lead' in lead && 'wait' in wait && 'lead' in other).toBe(true);
    if (!('lead' in lead) || !('wait' in wait)) return;
    expect(wait.wait).toBe(lead.lead);
    const a = answer(10);
    lead.lead.settle(a);
    lead.lead.settle(null); // settles once
    await expect(wait.wait.answer).resolves.toBe(a);
    expect('lead' in flights.board('k', 5)).toBe(true); // landed: the next miss leads a new one
  });

  it('never hands a request an execution that started before a write it arrived after', async () => {
    const flights = new Flights();
    const s = new ResponseStore(10_000);
    const old = flights.board('k', s.generation);
    s.invalidate(); // a mark lands while the old execution runs
    const late = flights.board('k', s.generation);
    expect('queue' in late).toBe(true);
    if (!('lead' in old) || !('queue' in late)) return;
    // A second late one queues too, rather than waiting on the old answer.
    expect('queue' in flights.board('k', s.generation)).toBe(true);
    old.lead.settle(answer(10));
    await late.queue.answer;
    // Woken: the first leads a flight of the present generation, the next one in the same turn waits on it.
    const relaunched = flights.board('k', s.generation);
    const joined = flights.board('k', s.generation);
    expect('lead' in relaunched && 'wait' in joined && joined.wait === relaunched.lead).toBe(true);
    if ('lead' in relaunched) expect(relaunched.lead.generation).toBe(s.generation);
  });
});

describe('Gate', () => {
  it('lets `limit` through, queues up to `queueLimit`, refuses beyond, and passes places on in order', async () => {
    const gate = new Gate(2, 1);
    const r1 = await gate.enter();
    const r2 = await gate.enter();
    expect(r1 && r2).toBeTruthy();
    const order: string[] = [];
    const third = gate.enter().then((r) => (order.push('third'), r));
    await expect(gate.enter()).resolves.toBeNull(); // the line is full
    expect([gate.active, gate.waiting]).toEqual([2, 1]);
    r1!();
    r1!(); // released once
    const r3 = await third;
    expect(order).toEqual(['third']);
    expect([gate.active, gate.waiting]).toEqual([2, 0]);
    r2!();
    r3!();
    expect(gate.active).toBe(0);
    const unbounded = new Gate(0, 0);
    await expect(Promise.all([unbounded.enter(), unbounded.enter(), unbounded.enter()])).resolves.not.toContain(null);
  });
});

describe('marks in other competitions', () => {
  it('a mark drops the answers that read its competition and those of unknown scope, and keeps the others', () => {
    const s = new ResponseStore(100_000);
    const g = s.generation;
    s.set('a', answer(10), g, new Set(['A']));
    s.set('b', answer(10), g, new Set(['B']));
    s.set('ab', answer(10), g, new Set(['A', 'B']));
    s.set('unknown', answer(10), g, null);
    s.invalidateCompetition('A');
    expect(['a', 'b', 'ab', 'unknown'].filter((k) => s.get(k))).toEqual(['b']);
    // Computed across that mark: kept only if it did not read A (and its scope is known).
    expect(s.set('b2', answer(10), g, new Set(['B']))).toBe(true);
    expect(s.set('a2', answer(10), g, new Set(['A']))).toBe(false);
    expect(s.set('u2', answer(10), g, null)).toBe(false);
    // Any other write empties everything, whatever the scope, and refuses what was computed before it.
    const g2 = s.generation;
    s.invalidate();
    expect(s.get('b')).toBeUndefined();
    expect(s.set('b3', answer(10), g2, new Set(['B']))).toBe(false);
    expect(s.bytes).toBe(0);
  });

  const schema = buildSchema(readFileSync(`${__dirname}/../../schema.graphql`, 'utf8'));
  const scope = (query: string, variables?: Record<string, unknown>) => {
    const doc = parse(query);
    return markScope(schema, doc, getOperationAST(doc)!, variables);
  };
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';

  it('knows the scope of a competition page and of nothing that could read another competition', () => {
    const page = `query P($id: ID!) { competition(id: $id) { id title stages { id name criteria { maxScore } }
      entries(first: 5) { totalCount nodes { id displayName participants { name enterprise { name } worker { id name } } } }
      leaderboard { version rows(first: 5) { edges { cursor node { rank total stageTotals { score } } } pageInfo { hasNextPage } } } } }`;
    expect(scope(page, { id: globalId('Competition', A) })).toEqual(new Set([A]));
    expect(scope(`{ a: competition(id: "${globalId('Competition', A)}") { id } b: competition(id: "${globalId('Competition', B)}") { __typename id } }`)).toEqual(new Set([A, B]));
    // Unsure, so dropped on any mark: another root field, a field reaching past the competition, a bad id, a fragment spread at the root.
    expect(scope(`{ competitions(first: 2) { nodes { id } } }`)).toBeNull();
    expect(scope(`query($id: ID!) { competition(id: $id) { id entries { nodes { participants { worker { honors { totalCount } } } } } } }`, { id: globalId('Competition', A) })).toBeNull();
    expect(scope(`query($id: ID!) { competition(id: $id) { id stats { __typename } } }`, { id: globalId('Competition', A) })).toBeNull();
    expect(scope(`query($id: ID!) { competition(id: $id) { id } }`, { id: globalId('Entry', A) })).toBeNull();
    expect(scope(`query($id: ID!) { competition(id: $id) { id ...F } } fragment F on Competition { scoreLog { totalCount } }`, { id: globalId('Competition', A) })).toBeNull();
    expect(scope(`query { ...Q } fragment Q on Query { competition(id: "${globalId('Competition', A)}") { id } }`)).toBeNull();
  });

  it('names only types and fields the schema has', () => {
    for (const [type, fields] of Object.entries(MARK_SCOPED_FIELDS)) {
      const t = schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined;
      expect([type, typeof t?.getFields]).toEqual([type, 'function']);
      for (const f of fields) if (f !== '*') expect([type, f, f in t!.getFields!()]).toEqual([type, f, true]);
    }
  });
});
