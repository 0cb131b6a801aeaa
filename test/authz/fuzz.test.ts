import fc from 'fast-check';
import pg from 'pg';
import type { GraphQLSchema } from 'graphql';
import { Role } from '../../src/auth/role';
import { buildSchema } from '../../src/schema';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/server';
import { setupCompetition, type CompetitionFixture } from '../helpers/competition';
import { documentFor, operations } from './inputs';
import { argumentsArbitrary, type IdPool } from './arbitraries';
import { MUTATIONS } from './matrix';

/*
 * Every mutation in the schema gets generated hostile input (fast-check) from a caller allowed to make
 * it. Whatever comes back: never an internal error, the server keeps serving, and a rejected call
 * leaves every table as it was. Tables that record attempts on purpose are left out of the comparison:
 * login_attempt (throttling counts failures) and idempotency_record (a key keeps its first outcome).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// drill_entry_attempt: enterDrill's throttle counts refused guesses, as login_attempt counts refused logins.
const IGNORED_TABLES = ['login_attempt', 'drill_entry_attempt', 'idempotency_record', 'mikro_orm_migrations'];

let t: TestServer;
let schema: GraphQLSchema;
let db: pg.Client;
let f: CompetitionFixture;
let admin: string;
let pool: IdPool;
let tables: string[];

beforeAll(async () => {
  schema = await buildSchema();
  t = await startTestServer();
  db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  admin = (await t.user([Role.ADMIN])).token;
  f = await setupCompetition(t, { judges: 2 });
  // Users the fuzz may disable or re-role: never the ones whose tokens it uses.
  const spare = [await t.user([Role.JUDGE]), await t.user([Role.REVIEWER])];
  pool = {
    byType: {
      Competition: [f.competitionId],
      Stage: f.stages.map((s) => s.id),
      Criterion: f.stages.flatMap((s) => s.criteria.map((c) => c.id)),
      Entry: f.entries.map((e) => e.id),
      Worker: f.entries.flatMap((e) => e.workerIds),
      Enterprise: f.entries.map((e) => e.enterpriseId),
      User: spare.map((u) => u.globalId),
    },
  };
  const res = await db.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by 1`);
  tables = res.rows.map((r) => r.tablename).filter((n) => !IGNORED_TABLES.includes(n));
});
afterAll(async () => {
  await db.end();
  await t.close();
});

/** One digest per table of every row's content. */
async function fingerprint(): Promise<Record<string, string>> {
  const sql = tables.map((name) => `select '${name}' as t, coalesce(md5(string_agg(md5(x::text), ',' order by md5(x::text))), '') as h from "${name}" x`).join(' union all ');
  const res = await db.query<{ t: string; h: string }>(sql);
  return Object.fromEntries(res.rows.map((r) => [r.t, r.h]));
}

function rejected(res: GqlResult): boolean {
  if (res.errors?.length) return true;
  const payload = res.data ? (Object.values(res.data)[0] as { userErrors?: unknown[] } | null) : null;
  return !payload || (payload.userErrors?.length ?? 0) > 0;
}

function tokenFor(name: string): string | null {
  const rule = MUTATIONS[name];
  if (rule?.who === 'PUBLIC') return null;
  if (rule?.owner === 'panel') return f.judges[0]!.token;
  if (rule?.owner === 'competition') return f.organizer.token;
  return admin;
}

const names = () => operations(schema, 'mutation').map((m) => m.name);

describe('fuzzed input to every mutation', () => {
  // Built lazily: the schema is only known after beforeAll, so one test walks every mutation.
  it('never fails internally, keeps serving, and changes nothing when it refuses', async () => {
    const report: Record<string, { runs: number; rejected: number }> = {};
    for (const name of names()) {
      const field = operations(schema, 'mutation').find((m) => m.name === name)!;
      const doc = documentFor('mutation', field, true);
      const stats = { runs: 0, rejected: 0 };
      await fc.assert(
        fc.asyncProperty(argumentsArbitrary(field, pool), async (vars) => {
          const before = await fingerprint();
          const res = await t.gql(doc, vars, tokenFor(name));
          stats.runs += 1;
          const internal = (res.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || /unexpected error/i.test(e.message));
          expect({ name, internal }).toEqual({ name, internal: [] });
          if (rejected(res)) {
            stats.rejected += 1;
            const after = await fingerprint();
            const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
            expect({ name, changed, errors: res.errors, data: res.data }).toMatchObject({ name, changed: [] });
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      report[name] = stats;
    }
    const health = await fetch(t.url.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(200);
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    const total = Object.values(report).reduce((a, s) => ({ runs: a.runs + s.runs, rejected: a.rejected + s.rejected }), { runs: 0, rejected: 0 });
    console.log(`fuzz: ${Object.keys(report).length} mutations, ${total.runs} calls, ${total.rejected} refused, 0 internal errors`);
  }, 600_000);
});
