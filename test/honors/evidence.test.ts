import { acceptMissingMarks, mutate, setupCompetition, signOffAndPublish } from '../helpers/competition';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { nomineeWithEvidence, type Evidence } from './evidence';
import { honorWorld, nominate, openCampaign, type HonorWorld } from './fixture';

/* A nomination's evidence read as the records themselves (Nomination.innovations / operatingMethods / awards). */
let t: TestServer;
let w: HonorWorld;
let ev: Evidence;
let campaignId: string;
let awards: { awardId: string; workerId: string }[];

beforeAll(async () => {
  t = await startTestServer();
  w = await honorWorld(t);
  ev = await nomineeWithEvidence(t, w, '李建国', ['甲成果', '乙成果', '丙成果']);
  // A finalized competition: its one entrant's award is evidence for them.
  const f = await setupCompetition(t, { entries: 2, judges: 1 });
  await acceptMissingMarks(t, f);
  await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
  await signOffAndPublish(t, f);
  const fin = await mutate(t, f.organizer.token, 'finalizeCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'awards { id entry { id } }');
  awards = fin.awards.map((a: any) => ({ awardId: a.id, workerId: f.entries.find((e) => e.id === a.entry.id)!.workerIds[0]! }));
  campaignId = await openCampaign(t, w, { perEnterpriseCap: 5 });
}, 180_000);
afterAll(async () => t.close());

const EVIDENCE = `query($id: ID!) { node(id: $id) { ... on Nomination { innovations { id title } operatingMethods { id officialName status } awards { id rank } } } }`;

describe('Nomination evidence as objects', () => {
  it('shows the innovations and named methods in the order the nominator listed them', async () => {
    const listed = [ev.innovationIds[2]!, ev.innovationIds[0]!];
    const n = await nominate(t, w.organizer.token, campaignId, ev.workerId, { innovationIds: listed, methodIds: ev.methodIds });
    expect(n.userErrors).toEqual([]);
    const got = ok(await t.gql(EVIDENCE, { id: n.nomination.id }, w.organizer.token)).node;
    expect(got.innovations.map((i: any) => i.id)).toEqual(listed);
    expect(got.innovations.map((i: any) => i.title)).toEqual(['丙成果', '甲成果']);
    expect(got.operatingMethods).toEqual([expect.objectContaining({ id: ev.methodIds[0], status: 'NAMED', officialName: expect.stringMatching(/高效焊接法$/) })]);
    expect(got.awards).toEqual([]);
  });

  it('shows a competition award of the nominee’s entry', async () => {
    const n = await nominate(t, w.organizer.token, campaignId, awards[0]!.workerId, { awardIds: [awards[0]!.awardId] });
    expect(n.userErrors).toEqual([]);
    const got = ok(await t.gql(EVIDENCE, { id: n.nomination.id }, w.organizer.token)).node;
    expect(got).toEqual({ innovations: [], operatingMethods: [], awards: [{ id: awards[0]!.awardId, rank: expect.any(Number) }] });
    // Someone else's award is refused as evidence.
    const theirs = await nominate(t, w.organizer.token, campaignId, awards[1]!.workerId, { awardIds: [awards[0]!.awardId] });
    expect(theirs.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'awardIds', '0'] })]);
    expect((await nominate(t, w.organizer.token, campaignId, awards[1]!.workerId, { awardIds: [awards[1]!.awardId] })).userErrors).toEqual([]);
  });

  it('loads the evidence of a page of nominations in a fixed number of statements', async () => {
    const page = (first: number) => t.gql(`query($id: ID!, $first: Int) { node(id: $id) { ... on HonorCampaign { nominations(first: $first) {
      nodes { innovations { id title } operatingMethods { id } awards { id rank } } } } } }`, { id: campaignId, first }, w.organizer.token);
    // Pages of two and of three nominations hold every kind of evidence: the third adds rows, not statements.
    const two = await t.countStatements(() => page(2));
    const three = await t.countStatements(() => page(3));
    const nodes = ok(await page(3)).node.nominations.nodes;
    expect(nodes).toHaveLength(3);
    expect(nodes.flatMap((n: any) => n.awards)).toHaveLength(2);
    expect(three).toBe(two);
  });
});
