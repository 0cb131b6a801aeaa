import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { Role } from '../../src/auth/role';
import { buildSchema } from '../../src/schema';
import { projectRoot } from '../../src/db/paths';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { argsFor, documentFor, operations, type Fill } from './inputs';
import { expected, MUTATIONS, PRIVATE_QUERIES, renderMatrix, ROLES, type Outcome, type Rule } from './matrix';
import { matrixWorld, type MatrixWorld } from './world';

/*
 * The authorization matrix, walked from the schema: every mutation and private query, as anonymous, as
 * a user of each single role, and (where the service checks ownership) as a non-owner and as the owner.
 */
let t: TestServer;
let schema: GraphQLSchema;
let tokens: Map<Role, string>;
let world: MatrixWorld;

beforeAll(async () => {
  schema = await buildSchema();
  t = await startTestServer();
  world = await matrixWorld(t);
  tokens = world.tokens;
}, 180_000); // six competitions, a studio and more, built through the API while other files run
afterAll(async () => t.close());

/**
 * What a response says about being let in: a denial code; allowed (data, with or without userErrors:
 * the call ran and refused cleanly); or, for any other GraphQL error (an internal error, a validation
 * failure), that error itself, which matches no expectation: a call that crashes is not "allowed".
 */
function outcome(res: GqlResult): Outcome | `error: ${string}` {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  const payload = res.data ? Object.values(res.data)[0] as { userErrors?: { code: string }[] } | null : null;
  if (payload?.userErrors?.some((e) => e.code === 'FORBIDDEN')) return 'FORBIDDEN';
  if (res.errors?.length || !payload) return `error: ${JSON.stringify(res.errors ?? res.data)}`;
  return 'allowed';
}

/** Calls an operation with well-formed input naming the world's real objects (`fill` over them). */
async function call(kind: 'mutation' | 'query', name: string, token: string | null, fill: Fill = {}): Promise<GqlResult> {
  const field = operations(schema, kind).find((o) => o.name === name)!;
  const args = argsFor(field, { ids: { ...world.byField, ...fill.ids }, byType: world.byTypeFor(name) });
  return t.gql(documentFor(kind, field, true), args, token);
}

describe('the matrix covers the schema', () => {
  it('has a line for every mutation, and none for a mutation that is gone', () => {
    const names = operations(schema, 'mutation').map((m) => m.name).sort();
    expect(names.filter((n) => !(n in MUTATIONS))).toEqual([]);
    expect(Object.keys(MUTATIONS).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('names only queries that exist', () => {
    const names = operations(schema, 'query').map((q) => q.name);
    expect(Object.keys(PRIVATE_QUERIES).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('is written out in docs/authorization.md', () => {
    const file = path.join(projectRoot, 'docs', 'authorization.md');
    if (process.env.UPDATE_DOCS) fs.writeFileSync(file, renderMatrix());
    expect(fs.readFileSync(file, 'utf8')).toBe(renderMatrix());
  });
});

const table = (kind: 'mutation' | 'query', rules: Record<string, Rule>) =>
  Object.entries(rules).flatMap(([name, rule]) => [null, ...ROLES].map((role) => [name, role ?? 'anonymous', expected(rule, role), kind] as const));

describe('what counts as allowed', () => {
  it('a crash, a validation failure or a missing payload is not "allowed"; a userError is', () => {
    expect(outcome({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })).toMatch(/^error: /);
    expect(outcome({ errors: [{ message: 'Variable "$input" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] })).toMatch(/^error: /);
    expect(outcome({ data: { x: null } })).toMatch(/^error: /);
    expect(outcome({ data: { x: { userErrors: [{ code: 'INVALID_STATE' }] } } })).toBe('allowed');
    expect(outcome({ data: { x: { userErrors: [{ code: 'FORBIDDEN' }] } } })).toBe('FORBIDDEN');
  });
});

// Modules whose world objects are real (test/authz/world-honors.ts): the first caller let in must find them.
const REAL_OBJECTS = ['Honor campaigns', 'Skill appraisal'];
const notFound: Record<string, unknown> = {};
const firstAllowed = new Set<string>();

describe('role checks', () => {
  it.each([...table('mutation', MUTATIONS), ...table('query', PRIVATE_QUERIES)])('%s as %s → %s', async (name, who, want, kind) => {
    const token = who === 'anonymous' ? null : tokens.get(who as Role)!;
    const res = await call(kind, name, token);
    expect(outcome(res)).toBe(want);
    if (kind === 'mutation' && want === 'allowed' && REAL_OBJECTS.includes(MUTATIONS[name]!.module) && !firstAllowed.has(name)) {
      firstAllowed.add(name);
      const payload = Object.values(res.data ?? {})[0] as { userErrors?: { code: string; field?: string[] }[] } | null;
      const missing = (payload?.userErrors ?? []).filter((e) => e.code === 'NOT_FOUND');
      if (missing.length) notFound[`${name} as ${who}`] = missing;
    }
  });

  it('honor and appraisal mutations act on real objects: the first caller let in finds every one it names', () => {
    expect(firstAllowed.size).toBeGreaterThan(20);
    expect(notFound).toEqual({});
  });
});

describe('ownership checks', () => {
  // A competition of its own: the role checks above have moved the world's one along (even cancelled it).
  let g: CompetitionFixture;
  beforeAll(async () => {
    g = await setupCompetition(t, { judges: 2 });
  }, 60_000);
  const ids = (): Fill['ids'] => ({
    competitionId: g.competitionId,
    stageId: g.stages[1]!.id,
    stageIds: g.stages[1]!.id,
    criterionId: g.stages[1]!.criteria[0]!.id,
    entryId: g.entries[0]!.id,
    userId: g.judges[1]!.globalId,
    workerIds: g.entries[0]!.workerIds[0]!,
  });
  const owned = (kind: string) => Object.entries(MUTATIONS).filter(([, r]) => r.owner === kind).map(([n]) => n);

  it.each(owned('competition'))('%s: another organizer is refused', async (name) => {
    const other = (await t.user([Role.ORGANIZER])).token;
    expect(outcome(await call('mutation', name, other, { ids: ids() }))).toBe('FORBIDDEN');
  });

  it.each(owned('panel'))('%s: a judge off the panel is refused, one on it is not', async (name) => {
    const stranger = (await t.user([Role.JUDGE])).token;
    expect(outcome(await call('mutation', name, stranger, { ids: ids() }))).toBe('FORBIDDEN');
    expect(outcome(await call('mutation', name, g.judges[0]!.token, { ids: ids() }))).toBe('allowed');
  });

  // Last: the owner's own calls move the competition along (and may cancel it).
  it('the owner is let through every one of them', async () => {
    const refused: Record<string, string> = {};
    for (const name of owned('competition')) {
      const o = outcome(await call('mutation', name, g.organizer.token, { ids: ids() }));
      if (o !== 'allowed') refused[name] = o;
    }
    expect(refused).toEqual({});
  });
});
