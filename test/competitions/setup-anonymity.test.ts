import { Role } from '../../src/auth/role';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';

const ENTRIES = `query($id: ID!) { competition(id: $id) { entries { nodes { id startNumber station anonymized displayName participants { name enterprise { id } worker { id } } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Entry { startNumber anonymized displayName participants { name } } } }`;

let t: TestServer;
let f: CompetitionFixture;
beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, { entries: 2, judges: 2 });
});
afterAll(async () => t.close());

const view = async (token: string | null, id = f.competitionId) => ok(await t.gql(ENTRIES, { id }, token)).competition.entries.nodes;

describe('anonymous marking (encrypted codes)', () => {
  it('shows the competition’s judges start number and station only', async () => {
    const rows = await view(f.judges[0]!.token);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ anonymized: true, displayName: null, participants: [] });
      expect(row.startNumber).toEqual(expect.any(Number));
      expect(row.station).toMatch(/^A0\d$/);
    }
    expect(ok(await t.gql(NODE, { id: f.entries[0]!.id }, f.judges[1]!.token)).node).toMatchObject({ anonymized: true, displayName: null, participants: [] });
  });

  it('shows the organizer everything, the public names and enterprises, registry records only to registry readers', async () => {
    const org = await view(f.organizer.token);
    expect(org).toHaveLength(2);
    expect(org.every((r: any) => !r.anonymized && r.displayName && r.participants[0].worker)).toBe(true);
    const entry = org.find((r: any) => r.id === f.entries[0]!.id);
    expect(entry.participants).toEqual([{ name: entry.displayName, enterprise: { id: f.entries[0]!.enterpriseId }, worker: { id: f.entries[0]!.workerIds[0] } }]);
    const pub = await view(null);
    expect(pub.find((r: any) => r.id === f.entries[0]!.id)).toMatchObject({ anonymized: false, displayName: entry.displayName, participants: [{ name: entry.displayName, enterprise: { id: f.entries[0]!.enterpriseId }, worker: null }] });
    const reviewer = await view((await t.user([Role.REVIEWER])).token);
    expect(reviewer.find((r: any) => r.id === f.entries[0]!.id).participants[0].worker).toEqual({ id: f.entries[0]!.workerIds[0] });
    const otherOrganizer = await view((await t.user([Role.ORGANIZER])).token);
    expect(otherOrganizer[0].anonymized).toBe(false);
  });

  it('hides names from judges of this competition only (judge-organizers too), not from other judges; also after removal from the panel', async () => {
    const outsider = await t.user([Role.JUDGE]);
    expect((await view(outsider.token))[0]).toMatchObject({ anonymized: false, displayName: expect.any(String) });
    const both = await t.user([Role.JUDGE, Role.ORGANIZER]);
    await mutate(t, f.organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: f.competitionId, userId: both.globalId, stageIds: [f.stages[0]!.id], reason: '增补' }, 'assignment { id }');
    expect((await view(both.token))[0]).toMatchObject({ anonymized: true, displayName: null });
    await mutate(t, f.organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: f.judges[1]!.globalId, reason: '回避' }, 'assignment { id }');
    expect((await view(f.judges[1]!.token))[0]).toMatchObject({ anonymized: true, displayName: null });
  });

  it('lifts once the competition is finalized', async () => {
    const g = await setupCompetition(t, { entries: 1, judges: 1 });
    expect((await view(g.judges[0]!.token, g.competitionId))[0].anonymized).toBe(true);
    await acceptMissingMarks(t, g);
    await mutate(t, g.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: g.competitionId }, 'competition { id }');
    expect((await view(g.judges[0]!.token, g.competitionId))[0].anonymized).toBe(true);
    // finalizeCompetition belongs to the awards module; the rule only looks at the status.
    const id = Buffer.from(g.competitionId, 'base64url').toString().split(':')[1];
    await t.orm.em.fork().getConnection().execute(`update competition set status = 'FINALIZED' where id = ?`, [id]);
    const rows = await view(g.judges[0]!.token, g.competitionId);
    expect(rows[0]).toMatchObject({ anonymized: false, displayName: expect.any(String), participants: [expect.objectContaining({ worker: null })] });
  });
});
