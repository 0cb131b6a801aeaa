import { ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';
import { boardSubscribers, record, subscriptionsActive, wsClient } from '../helpers/ws';

const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } userErrors { code } } }`;
const BOARD_SUB = `subscription($id: ID!) { leaderboardUpdated(competitionId: $id) { version frozen rows(first: 1000) { nodes { entryId displayName total rank } } } }`;

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ shareWith: a }); // a second instance on the same database
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe('live leaderboard across server instances (LISTEN/NOTIFY)', () => {
  it('delivers a mark written through one instance to subscribers of the other, with consecutive versions', async () => {
    const f = await setupCompetition(a);
    const viewerClient = wsClient(b.wsUrl);
    const judgeClient = wsClient(b.wsUrl, f.judges[2]!.token);
    try {
      const pub = record<any>(viewerClient, BOARD_SUB, { id: f.competitionId });
      const jury = record<any>(judgeClient, BOARD_SUB, { id: f.competitionId });
      await boardSubscribers(b, f.competitionId, 2);
      const v0 = ok(await a.gql(`query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version } } } }`, { id: f.competitionId })).node.leaderboard.version;
      ok(await a.gql(SUBMIT, { input: { entryId: f.entries[1]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 90 } }, f.judges[0]!.token));
      const first = (await pub.waitFor((d) => d.leaderboardUpdated.version === v0 + 1)).leaderboardUpdated;
      expect(first.rows.nodes[0]).toMatchObject({ entryId: f.entries[1]!.id, total: 27, rank: 1 });
      expect(first.rows.nodes[0].displayName).toEqual(expect.any(String));
      // The judge's subscription carries no names (anonymous marking).
      const judged = (await jury.waitFor((d) => d.leaderboardUpdated.version === v0 + 1)).leaderboardUpdated;
      expect(judged.rows.nodes.map((r: any) => r.displayName)).toEqual(f.entries.map(() => null));
      ok(await b.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 95 } }, f.judges[1]!.token));
      const second = (await pub.waitFor((d) => d.leaderboardUpdated.version === v0 + 2)).leaderboardUpdated;
      expect(second.rows.nodes.map((r: any) => r.entryId).slice(0, 2)).toEqual([f.entries[0]!.id, f.entries[1]!.id]);
      const versions = pub.results.map((r) => r.data!.leaderboardUpdated.version);
      expect(versions).toEqual([v0 + 1, v0 + 2]);
    } finally {
      await viewerClient.dispose();
      await judgeClient.dispose();
    }
  });

  it('delivers nothing for a write that was refused and rolled back', async () => {
    const f = await setupCompetition(a);
    const client = wsClient(b.wsUrl);
    try {
      const sub = record<any>(client, BOARD_SUB, { id: f.competitionId });
      await boardSubscribers(b, f.competitionId, 1);
      const v0 = ok(await a.gql(`query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { version } } } }`, { id: f.competitionId })).node.leaderboard.version;
      const refused = ok(await a.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 1000 } }, f.judges[0]!.token));
      expect(refused.submitScore.userErrors).toHaveLength(1);
      // A mark that lands, as a marker: events arrive in commit order, so anything the refused write
      // had sent would come before it (and it would carry a later version).
      ok(await a.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 90 } }, f.judges[0]!.token));
      await sub.waitFor((d) => d.leaderboardUpdated.version >= v0 + 1);
      expect(sub.results.map((r) => r.data!.leaderboardUpdated.version)).toEqual([v0 + 1]);
    } finally {
      await client.dispose();
    }
  });

  it('streams marks to the jury and refuses the public', async () => {
    const f = await setupCompetition(a);
    const SCORE_SUB = `subscription($id: ID!) { scoreSubmitted(competitionId: $id) { version revision score { value criterion { name } } } }`;
    const org = wsClient(b.wsUrl, f.organizer.token);
    const anon = wsClient(b.wsUrl);
    try {
      const sub = record<any>(org, SCORE_SUB, { id: f.competitionId });
      const denied = record<any>(anon, SCORE_SUB, { id: f.competitionId });
      await subscriptionsActive(b, 'scoreSubmitted', 1); // the jury's (the public's is refused)
      ok(await a.gql(SUBMIT, { input: { entryId: f.entries[0]!.id, criterionId: f.stages[1]!.criteria[0]!.id, value: 33.5 } }, f.judges[0]!.token));
      const ev = (await sub.waitFor(() => true)).scoreSubmitted;
      expect(ev).toMatchObject({ revision: false, score: { value: 33.5 } });
      while (denied.error === undefined && !denied.results.length) await new Promise((r) => setTimeout(r, 10)); // its refusal
      const errs = denied.results.flatMap((r) => r.errors ?? []).concat(Array.isArray(denied.error) ? denied.error : []);
      expect(JSON.stringify(errs)).toMatch(/UNAUTHENTICATED|logged in/);
    } finally {
      await org.dispose();
      await anon.dispose();
    }
  });
});
