import fc from 'fast-check';
import pg from 'pg';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from '../../src/schema';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/server';
import { argumentsArbitrary, type IdPool } from '../authz/arbitraries';
import { documentFor, operations } from '../authz/inputs';
import { methodReviewed, methodUnderReview, methodWorld, must, type MethodWorld } from './fixture';

/*
 * The shared fuzz (test/authz/fuzz.test.ts) has no operating methods in its ID pool, so its calls to
 * these mutations stop at "not found". Here the pool holds real methods in every state, their
 * reviewers and inventors, so hostile input reaches the deeper rules: never an internal error, and a
 * refused call changes no table.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const METHOD_MUTATIONS = ['submitOperatingMethod', 'assignMethodReviewers', 'reviewOperatingMethod', 'nameOperatingMethod', 'rejectOperatingMethod', 'recordMethodAdoption'];

let t: TestServer;
let schema: GraphQLSchema;
let db: pg.Client;
let w: MethodWorld;
let pool: IdPool;

beforeAll(async () => {
  schema = await buildSchema();
  t = await startTestServer();
  db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  w = await methodWorld(t);
  const named = await methodReviewed(t, w, [[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]]);
  await must(t, 'nameOperatingMethod', 'NameOperatingMethodInput', { methodId: named, officialName: `${w.lead.name}样例法` }, 'method { id }', w.admin.token);
  const ready = await methodReviewed(t, w, [[25, 25, 25, 25], [25, 25, 25, 25], [25, 25, 25, 25]]);
  const open = await methodUnderReview(t, w);
  pool = {
    byType: {
      OperatingMethod: [named, ready, open],
      User: w.reviewers.map((r) => r.globalId),
      Worker: [w.lead.id, w.coInventor.id],
      Enterprise: [w.inventorsEnterprise.id, w.reviewers[0]!.enterpriseId],
      Studio: [w.studioId],
    },
  };
});
afterAll(async () => {
  await db.end();
  await t.close();
});

async function fingerprint(): Promise<string> {
  const tables = ['operating_method', 'method_reviewer', 'expert_review', 'expert_review_revision', 'method_adoption'];
  const res = await db.query<{ h: string }>(tables.map((n) => `select coalesce(md5(string_agg(md5(x::text), ',' order by md5(x::text))), '') as h from "${n}" x`).join(' union all '));
  return res.rows.map((r) => r.h).join('|');
}

const rejected = (res: GqlResult) => !!res.errors?.length || !!(Object.values(res.data ?? {})[0] as { userErrors?: unknown[] } | null)?.userErrors?.length;

it.each(METHOD_MUTATIONS)('%s: hostile input never fails internally and a refusal changes nothing', async (name) => {
  const field = operations(schema, 'mutation').find((m) => m.name === name)!;
  const doc = documentFor('mutation', field, true);
  // Reviews come from an assigned reviewer (so they get past the assignment check); the rest from an admin.
  const token = name === 'reviewOperatingMethod' ? w.reviewers[0]!.token : name === 'submitOperatingMethod' ? w.manager.token : w.admin.token;
  await fc.assert(
    fc.asyncProperty(argumentsArbitrary(field, pool), async (vars) => {
      const before = await fingerprint();
      const res = await t.gql(doc, vars, token);
      const internal = (res.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
      expect({ name, internal }).toEqual({ name, internal: [] });
      if (rejected(res)) expect({ name, vars, unchanged: (await fingerprint()) === before }).toEqual({ name, vars, unchanged: true });
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
}, 300_000);
