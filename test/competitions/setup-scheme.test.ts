import { Role } from '../../src/auth/role';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { setupCompetition } from '../helpers/competition';

const ADD_STAGE = `mutation($input: AddStageInput!) { addStage(input: $input) { stage { id name weight position } competition { stages { name } } userErrors { code field message } } }`;
const UPDATE_STAGE = `mutation($input: UpdateStageInput!) { updateStage(input: $input) { stage { name weight position } competition { stages { name position } } userErrors { code field message } } }`;
const REMOVE_STAGE = `mutation($input: RemoveStageInput!) { removeStage(input: $input) { removedStageId competition { stages { name position } } userErrors { code field message } } }`;
const ADD_CRIT = `mutation($input: AddCriterionInput!) { addCriterion(input: $input) { criterion { id name kind maxScore description position } stage { totalMaxScore criteria { name } } userErrors { code field message } } }`;
const UPDATE_CRIT = `mutation($input: UpdateCriterionInput!) { updateCriterion(input: $input) { criterion { name kind maxScore description position } stage { criteria { name position } } userErrors { code field message } } }`;
const REMOVE_CRIT = `mutation($input: RemoveCriterionInput!) { removeCriterion(input: $input) { removedCriterionId stage { criteria { name position } totalMaxScore } userErrors { code field message } } }`;
const SCHEME = `query($id: ID!) { competition(id: $id) { stages { name weight position totalMaxScore criteria { name kind maxScore position } } } }`;

let t: TestServer;
let organizer: { id: string; globalId: string; token: string };
beforeAll(async () => {
  t = await startTestServer();
  organizer = await t.user([Role.ORGANIZER]);
});
afterAll(async () => t.close());

const draft = () => setupCompetition(t, { until: 'DRAFT', judges: 0, organizer, stages: [] });
const scheme = async (id: string) => ok(await t.gql(SCHEME, { id })).competition.stages;
const run = async (q: string, input: Record<string, unknown>, token = organizer.token) => {
  const data = ok(await t.gql(q, { input }, token));
  return Object.values(data)[0] as any;
};

describe('stages', () => {
  it('adds stages in order, updates, reorders and removes them, renumbering positions', async () => {
    const f = await draft();
    const theory = (await run(ADD_STAGE, { competitionId: f.competitionId, name: '理论', weight: 30 })).stage;
    expect(theory).toMatchObject({ name: '理论', weight: 30, position: 0 });
    const practice = await run(ADD_STAGE, { competitionId: f.competitionId, name: '实操', weight: 60.5 });
    expect(practice.stage.position).toBe(1);
    const extra = (await run(ADD_STAGE, { competitionId: f.competitionId, name: '答辩', weight: 9.5 })).stage;
    expect(practice.competition.stages.map((s: any) => s.name)).toEqual(['理论', '实操']);
    const moved = await run(UPDATE_STAGE, { stageId: extra.id, position: 0, name: '面试' });
    expect(moved.userErrors).toEqual([]);
    expect(moved.competition.stages).toEqual([{ name: '面试', position: 0 }, { name: '理论', position: 1 }, { name: '实操', position: 2 }]);
    const removed = await run(REMOVE_STAGE, { stageId: theory.id });
    expect(removed.removedStageId).toBe(theory.id);
    expect(removed.competition.stages).toEqual([{ name: '面试', position: 0 }, { name: '实操', position: 1 }]);
  });

  it('checks name and weight (positive, ≤ 100, two decimals) and changes nothing when refusing', async () => {
    const f = await draft();
    for (const [input, field] of [[{ name: '', weight: 10 }, 'name'], [{ name: 'x', weight: 0 }, 'weight'], [{ name: 'x', weight: 101 }, 'weight'], [{ name: 'x', weight: 10.005 }, 'weight']] as const) {
      const res = await run(ADD_STAGE, { competitionId: f.competitionId, ...input });
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', field] })]);
    }
    expect(await scheme(f.competitionId)).toEqual([]);
    const stage = (await run(ADD_STAGE, { competitionId: f.competitionId, name: 'x', weight: 50 })).stage;
    expect((await run(UPDATE_STAGE, { stageId: stage.id, weight: -1 })).userErrors[0].field).toEqual(['input', 'weight']);
    expect((await scheme(f.competitionId))[0].weight).toBe(50);
  });

  it('is DRAFT only: INVALID_STATE after registration opens, nothing changed', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer });
    const before = await scheme(f.competitionId);
    for (const [q, input] of [
      [ADD_STAGE, { competitionId: f.competitionId, name: 'late', weight: 1 }],
      [UPDATE_STAGE, { stageId: f.stages[0]!.id, weight: 40 }],
      [REMOVE_STAGE, { stageId: f.stages[0]!.id }],
      [ADD_CRIT, { stageId: f.stages[0]!.id, name: 'late', kind: 'MEASUREMENT', maxScore: 1 }],
      [UPDATE_CRIT, { criterionId: f.stages[0]!.criteria[0]!.id, maxScore: 5 }],
      [REMOVE_CRIT, { criterionId: f.stages[0]!.criteria[0]!.id }],
    ] as const) {
      const res = await run(q, input);
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
      expect(res.userErrors[0].message).toContain('竞赛当前为“报名中”');
    }
    expect(await scheme(f.competitionId)).toEqual(before);
  });

  it('is refused to anonymous viewers, judges and organizers who do not own the competition', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 0, organizer });
    const stageId = f.stages[0]!.id;
    const criterionId = f.stages[0]!.criteria[0]!.id;
    const cases = [
      [ADD_STAGE, { competitionId: f.competitionId, name: 'x', weight: 1 }], [UPDATE_STAGE, { stageId, name: 'x' }], [REMOVE_STAGE, { stageId }],
      [ADD_CRIT, { stageId, name: 'x', kind: 'JUDGEMENT', maxScore: 1 }], [UPDATE_CRIT, { criterionId, name: 'x' }], [REMOVE_CRIT, { criterionId }],
    ] as const;
    const judge = await t.user([Role.JUDGE]);
    const stranger = await t.user([Role.ORGANIZER]);
    const before = await scheme(f.competitionId);
    for (const [q, input] of cases) {
      expect(errorCode(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(q, { input }, judge.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(q, { input }, stranger.token))).toBe('FORBIDDEN');
    }
    expect(await scheme(f.competitionId)).toEqual(before);
  });

  it('reports unknown and wrongly typed IDs', async () => {
    const f = await draft();
    const ghost = Buffer.from('Stage:11111111-1111-4111-8111-111111111111').toString('base64url');
    expect((await run(UPDATE_STAGE, { stageId: ghost, name: 'x' })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'stageId'] })]);
    expect((await run(ADD_CRIT, { stageId: f.competitionId, name: 'x', kind: 'JUDGEMENT', maxScore: 1 })).userErrors)
      .toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'stageId'] })]);
  });
});

describe('criteria', () => {
  it('adds criteria in order with the competition set, updates, reorders and removes them', async () => {
    const f = await draft();
    const stage = (await run(ADD_STAGE, { competitionId: f.competitionId, name: '实操', weight: 100 })).stage;
    const a = await run(ADD_CRIT, { stageId: stage.id, name: '焊缝外观', kind: 'JUDGEMENT', maxScore: 40, description: '目测' });
    expect(a.criterion).toMatchObject({ name: '焊缝外观', kind: 'JUDGEMENT', maxScore: 40, description: '目测', position: 0 });
    const b = await run(ADD_CRIT, { stageId: stage.id, name: '尺寸偏差', kind: 'MEASUREMENT', maxScore: 59.75 });
    expect(b.stage).toEqual({ totalMaxScore: 99.75, criteria: [{ name: '焊缝外观' }, { name: '尺寸偏差' }] });
    const up = await run(UPDATE_CRIT, { criterionId: b.criterion.id, position: 0, kind: 'JUDGEMENT', maxScore: 60, description: '' });
    expect(up.userErrors).toEqual([]);
    expect(up.criterion).toMatchObject({ kind: 'JUDGEMENT', maxScore: 60, description: '', position: 0 });
    expect(up.stage.criteria).toEqual([{ name: '尺寸偏差', position: 0 }, { name: '焊缝外观', position: 1 }]);
    const rm = await run(REMOVE_CRIT, { criterionId: b.criterion.id });
    expect(rm).toMatchObject({ removedCriterionId: b.criterion.id, stage: { criteria: [{ name: '焊缝外观', position: 0 }], totalMaxScore: 40 } });
    // The denormalized competition lets a whole scheme load in one query: the public node sees it.
    const node = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Criterion { name } } }`, { id: a.criterion.id })).node;
    expect(node).toEqual({ name: '焊缝外观' });
    const [row] = await t.orm.em.fork().getConnection().execute('select competition_id from criterion where name = ?', ['焊缝外观']);
    expect(Buffer.from(`Competition:${row.competition_id}`).toString('base64url')).toBe(f.competitionId);
  });

  it('checks name and maxScore and changes nothing when refusing', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 0, organizer });
    const stageId = f.stages[0]!.id;
    const res = await run(ADD_CRIT, { stageId, name: ' ', kind: 'MEASUREMENT', maxScore: 0.001 });
    expect(res.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual(['input.maxScore', 'input.name']);
    const up = await run(UPDATE_CRIT, { criterionId: f.stages[0]!.criteria[0]!.id, maxScore: 0 });
    expect(up.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'maxScore'] })]);
    expect((await scheme(f.competitionId))[0].criteria).toEqual([{ name: '理论评分项1', kind: 'MEASUREMENT', maxScore: 100, position: 0 }]);
  });

  it('removing a stage removes its criteria and takes it off the judges’ lists', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 1, organizer });
    await run(REMOVE_STAGE, { stageId: f.stages[1]!.id });
    const c = ok(await t.gql(`query($id: ID!) { competition(id: $id) { stages { name criteria { name } } judges { nodes { stages { name } } } } }`, { id: f.competitionId }, organizer.token)).competition;
    expect(c.stages).toEqual([{ name: '理论', criteria: [{ name: '理论评分项1' }] }]);
    expect(c.judges.nodes).toEqual([{ stages: [{ name: '理论' }] }]);
    const gone = ok(await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: f.stages[1]!.criteria[0]!.id })).node;
    expect(gone).toBeNull();
  });
});

describe('bounds of a scheme', () => {
  it('takes at most 10 stages and 50 criteria a stage; the one beyond is INVALID_INPUT and adds nothing', async () => {
    const f = await draft();
    const stages: any[] = [];
    for (let i = 0; i < 10; i++) stages.push((await run(ADD_STAGE, { competitionId: f.competitionId, name: `赛段${i}`, weight: 10 })).stage);
    const eleventh = await run(ADD_STAGE, { competitionId: f.competitionId, name: '多余', weight: 1 });
    expect(eleventh.stage).toBeNull();
    expect(eleventh.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'competitionId'], message: '一个竞赛最多 10 个赛段' }]);
    const inEnglish = ok(await t.gql(ADD_STAGE, { input: { competitionId: f.competitionId, name: '多余', weight: 1 } }, organizer.token, { locale: 'en' })).addStage;
    expect(inEnglish.userErrors[0].message).toBe('A competition has at most 10 stages');
    for (let i = 0; i < 50; i++) {
      expect((await run(ADD_CRIT, { stageId: stages[0].id, name: `项${i}`, kind: 'MEASUREMENT', maxScore: 1 })).userErrors).toEqual([]);
    }
    const beyond = await run(ADD_CRIT, { stageId: stages[0].id, name: '多余', kind: 'MEASUREMENT', maxScore: 1 });
    expect(beyond.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'stageId'], message: '一个赛段最多 50 个评分项' }]);
    const after = await scheme(f.competitionId);
    expect(after).toHaveLength(10);
    expect(after[0].criteria).toHaveLength(50);
  }, 120_000);
});
