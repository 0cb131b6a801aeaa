import { setupCompetition } from '../helpers/competition';
import { ok, startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const Q = `query($id: ID!) { competition(id: $id) { status drawSeed aggregation stages { name weight totalMaxScore criteria { kind maxScore } }
  entries { totalCount nodes { id startNumber station status } } judges { nodes { chief user { id displayName } stages { id } } } } }`;

describe('setupCompetition (the shared fixture)', () => {
  it('builds a running competition through the API: scheme, entries with lots, the whole panel', async () => {
    const f = await setupCompetition(t);
    const c = ok(await t.gql(Q, { id: f.competitionId }, f.organizer.token)).competition;
    expect(c.status).toBe('IN_PROGRESS');
    expect(c.drawSeed).toBe('test-seed');
    expect(c.stages).toEqual([
      { name: '理论', weight: 30, totalMaxScore: 100, criteria: [{ kind: 'MEASUREMENT', maxScore: 100 }] },
      { name: '实操', weight: 70, totalMaxScore: 100, criteria: [{ kind: 'JUDGEMENT', maxScore: 50 }, { kind: 'JUDGEMENT', maxScore: 50 }] },
    ]);
    expect(c.entries.totalCount).toBe(3);
    expect(c.entries.nodes.map((e: any) => e.startNumber)).toEqual([1, 2, 3]);
    expect(c.entries.nodes.map((e: any) => e.station)).toEqual(['A01', 'A02', 'A03']);
    expect(f.entries.map((e) => e.startNumber).sort()).toEqual([1, 2, 3]);
    expect(c.judges.nodes).toHaveLength(3);
    expect(c.judges.nodes.map((j: any) => j.user.id).sort()).toEqual(f.judges.map((j) => j.globalId).sort());
    expect(c.judges.nodes.every((j: any) => j.stages.length === 2)).toBe(true);
    expect(f.judges.every((j) => j.enterpriseId === f.judges[0]!.enterpriseId)).toBe(true);
  });

  it('stops where asked and takes a custom scheme, aggregation, team size and rules', async () => {
    const f = await setupCompetition(t, {
      until: 'REGISTRATION_OPEN', entries: 2, judges: 1, aggregation: 'MEDIAN', teamSize: 2,
      stages: [{ name: '综合', weight: 100, criteria: [{ name: '焊缝', kind: 'JUDGEMENT', maxScore: 10 }] }],
      prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', share: 0.2 }], honorTopN: 1, promotionTopM: 1, level: 'PROVINCE',
    });
    const c = ok(await t.gql(`query($id: ID!) { competition(id: $id) { status aggregation level teamSize honorTopN promotionTopM prizeTiers { prize count share } entries { totalCount nodes { startNumber displayName participants { name } } } } }`,
      { id: f.competitionId }, f.organizer.token)).competition;
    expect(c).toMatchObject({ status: 'REGISTRATION_OPEN', aggregation: 'MEDIAN', level: 'PROVINCE', teamSize: 2, honorTopN: 1, promotionTopM: 1 });
    expect(c.prizeTiers).toEqual([{ prize: 'FIRST', count: 1, share: null }, { prize: 'SECOND', count: null, share: 0.2 }]);
    expect(c.entries.totalCount).toBe(2);
    expect(c.entries.nodes[0].startNumber).toBeNull();
    expect(c.entries.nodes[0].participants).toHaveLength(2);
    expect(f.entries[0]!.workerIds).toHaveLength(2);
    const draft = await setupCompetition(t, { until: 'DRAFT', judges: 0 });
    expect(draft.entries).toEqual([]);
    expect(ok(await t.gql(`query($id: ID!) { competition(id: $id) { status } }`, { id: draft.competitionId })).competition.status).toBe('DRAFT');
  });
});
