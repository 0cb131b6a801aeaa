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

/*
 * The authorization matrix, walked from the schema: every mutation and private query, as anonymous, as
 * a user of each single role, and (where the service checks ownership) as a non-owner and as the owner.
 */
let t: TestServer;
let schema: GraphQLSchema;
const tokens = new Map<Role, string>();
let f: CompetitionFixture;

beforeAll(async () => {
  schema = await buildSchema();
  t = await startTestServer();
  for (const role of ROLES) tokens.set(role, (await t.user([role])).token);
  f = await setupCompetition(t, { judges: 2 });
});
afterAll(async () => t.close());

/** What a response says about being let in: a denial code, or allowed (data, userErrors or other errors). */
function outcome(res: GqlResult): Outcome {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  const payload = res.data ? Object.values(res.data)[0] as { userErrors?: { code: string }[] } | null : null;
  if (payload?.userErrors?.some((e) => e.code === 'FORBIDDEN')) return 'FORBIDDEN';
  return 'allowed';
}

async function call(kind: 'mutation' | 'query', name: string, token: string | null, fill: Fill = {}): Promise<GqlResult> {
  const field = operations(schema, kind).find((o) => o.name === name)!;
  return t.gql(documentFor(kind, field, true), argsFor(field, fill), token);
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

describe('role checks', () => {
  it.each([...table('mutation', MUTATIONS), ...table('query', PRIVATE_QUERIES)])('%s as %s → %s', async (name, who, want, kind) => {
    const token = who === 'anonymous' ? null : tokens.get(who as Role)!;
    const res = await call(kind, name, token);
    expect({ outcome: outcome(res), errors: want === 'allowed' ? undefined : res.errors?.map((e) => e.extensions?.code) })
      .toMatchObject({ outcome: want });
  });
});

describe('ownership checks', () => {
  const ids = (): Fill['ids'] => ({
    competitionId: f.competitionId,
    stageId: f.stages[1]!.id,
    stageIds: f.stages[1]!.id,
    criterionId: f.stages[1]!.criteria[0]!.id,
    entryId: f.entries[0]!.id,
    userId: f.judges[1]!.globalId,
    workerIds: f.entries[0]!.workerIds[0]!,
  });
  const owned = (kind: string) => Object.entries(MUTATIONS).filter(([, r]) => r.owner === kind).map(([n]) => n);

  it.each(owned('competition'))('%s: another organizer is refused', async (name) => {
    const other = (await t.user([Role.ORGANIZER])).token;
    expect(outcome(await call('mutation', name, other, { ids: ids() }))).toBe('FORBIDDEN');
  });

  it.each(owned('panel'))('%s: a judge off the panel is refused, one on it is not', async (name) => {
    const stranger = (await t.user([Role.JUDGE])).token;
    expect(outcome(await call('mutation', name, stranger, { ids: ids() }))).toBe('FORBIDDEN');
    expect(outcome(await call('mutation', name, f.judges[0]!.token, { ids: ids() }))).toBe('allowed');
  });

  // Last: the owner's own calls move the competition along (and may cancel it).
  it('the owner is let through every one of them', async () => {
    const refused: string[] = [];
    for (const name of owned('competition')) {
      if (outcome(await call('mutation', name, f.organizer.token, { ids: ids() })) !== 'allowed') refused.push(name);
    }
    expect(refused).toEqual([]);
  });

});
