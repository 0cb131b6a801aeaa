import { Role } from '../../src/auth/role';
import { errorCode, ok, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition } from '../helpers/competition';
import { organizerWithLiveEvents, uuidOf, type TestUser } from './live-setup';

const MOVES = ['openRegistration', 'closeRegistration', 'startCompetition', 'closeScoring', 'reopenScoring', 'cancelCompetition'] as const;
const move = (name: string) => `mutation($input: CompetitionTransitionInput!) { ${name}(input: $input) { competition { status } userErrors { code field message } } }`;
const STATE = `query($id: ID!) { competition(id: $id) { status transitions { nodes { id from to reason at by { id displayName } } } } }`;

const live = organizerWithLiveEvents();
const { events, caughtUp } = live;
let t: TestServer;
let organizer: TestUser;
beforeAll(() => {
  ({ t, organizer } = live);
});

const run = async (name: string, input: Record<string, unknown>, token = organizer.token) => ok(await t.gql(move(name), { input }, token))[name];
const state = async (id: string) => {
  const c = ok(await t.gql(STATE, { id }, organizer.token)).competition;
  return { ...c, transitions: c.transitions.nodes };
};

describe('the lifecycle through the API', () => {
  it('walks DRAFT → … → CANCELLED, recording who, when and why, and notifying subscribers of each move', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_CLOSED', organizer, entries: 2, judges: 1 });
    await mutate(t, organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: f.competitionId, seed: 's' }, 'competition { id }');
    await caughtUp(); // drawLots' own event must not arrive after the reset
    events.length = 0;
    const started = Date.now();
    expect((await run('startCompetition', { competitionId: f.competitionId, reason: '准时开赛' })).competition.status).toBe('IN_PROGRESS');
    await acceptMissingMarks(t, f); // no marks in this walk: the chief judge accepts the gap
    expect((await run('closeScoring', { competitionId: f.competitionId })).competition.status).toBe('SCORING_CLOSED');
    expect((await run('reopenScoring', { competitionId: f.competitionId, reason: '补录第3号成绩' })).competition.status).toBe('IN_PROGRESS');
    expect((await run('closeScoring', { competitionId: f.competitionId })).competition.status).toBe('SCORING_CLOSED');
    expect((await run('cancelCompetition', { competitionId: f.competitionId, reason: '场地停电' })).competition.status).toBe('CANCELLED');

    const s = await state(f.competitionId);
    expect(s.status).toBe('CANCELLED');
    expect(s.transitions.map((x: any) => [x.from, x.to, x.reason])).toEqual([
      ['DRAFT', 'REGISTRATION_OPEN', null],
      ['REGISTRATION_OPEN', 'REGISTRATION_CLOSED', null],
      ['REGISTRATION_CLOSED', 'IN_PROGRESS', '准时开赛'],
      ['IN_PROGRESS', 'SCORING_CLOSED', null],
      ['SCORING_CLOSED', 'IN_PROGRESS', '补录第3号成绩'],
      ['IN_PROGRESS', 'SCORING_CLOSED', null],
      ['SCORING_CLOSED', 'CANCELLED', '场地停电'],
    ]);
    expect(s.transitions.every((x: any) => x.by.id === organizer.globalId && x.by.displayName)).toBe(true);
    expect(new Date(s.transitions[2].at).getTime()).toBeGreaterThanOrEqual(started - 1000);

    await caughtUp();
    const mine = events.filter((e) => e.competitionId === uuidOf(f.competitionId));
    expect(mine.map((e) => [e.kind, e.status])).toEqual([
      ['status', 'IN_PROGRESS'], ['status', 'SCORING_CLOSED'], ['status', 'IN_PROGRESS'], ['status', 'SCORING_CLOSED'], ['status', 'CANCELLED'],
    ]);
    // One version step per change, so a client can tell it missed one.
    const versions = mine.map((e) => e.version);
    versions.forEach((v, i) => i && expect(v).toBe(versions[i - 1] + 1));

    for (const name of MOVES) {
      const res = await run(name, { competitionId: f.competitionId, reason: 'x' });
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
      expect(res.userErrors[0].message).toContain('竞赛当前为“已取消”');
    }
    const inEnglish = ok(await t.gql(move('openRegistration'), { input: { competitionId: f.competitionId } }, organizer.token, { locale: 'en' })).openRegistration;
    expect(inEnglish.userErrors[0].message).toBe('Cannot open registration while the competition is Cancelled (only from Draft)');
  });

  it('refuses illegal moves with INVALID_STATE naming the current state; nothing recorded, nothing notified', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', organizer, judges: 0 });
    await caughtUp();
    events.length = 0;
    for (const name of ['closeRegistration', 'startCompetition', 'closeScoring', 'reopenScoring'] as const) {
      const res = await run(name, { competitionId: f.competitionId, reason: 'r' });
      expect(res.competition).toBeNull();
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'competitionId'] })]);
      expect(res.userErrors[0].message).toContain('竞赛当前为“草稿”');
    }
    expect(await state(f.competitionId)).toEqual({ status: 'DRAFT', transitions: [] });
    await caughtUp();
    expect(events.filter((e) => e.competitionId === uuidOf(f.competitionId))).toEqual([]);
  });

  it('requires a reason to reopen scoring and to cancel', async () => {
    const f = await setupCompetition(t, { organizer, entries: 1, judges: 1 });
    await acceptMissingMarks(t, f);
    expect((await run('closeScoring', { competitionId: f.competitionId })).userErrors).toEqual([]);
    for (const name of ['reopenScoring', 'cancelCompetition']) {
      for (const reason of [undefined, '   ']) {
        const res = await run(name, { competitionId: f.competitionId, reason });
        expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
      }
    }
    expect((await state(f.competitionId)).status).toBe('SCORING_CLOSED');
  });

  it('opens registration only with a valid scheme, each problem a userError naming the stage', async () => {
    const empty = await setupCompetition(t, { until: 'DRAFT', organizer, judges: 0, stages: [] });
    const none = await run('openRegistration', { competitionId: empty.competitionId });
    expect(none.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('评分方案还没有赛段') })]);

    const f = await setupCompetition(t, {
      until: 'DRAFT', organizer, judges: 0,
      stages: [{ name: '理论', weight: 30, criteria: [{ kind: 'MEASUREMENT', maxScore: 100 }] }, { name: '实操', weight: 60, criteria: [] }],
    });
    const res = await run('openRegistration', { competitionId: f.competitionId });
    expect(res.userErrors.map((e: any) => e.message)).toEqual([
      '评分方案尚未就绪：赛段“实操”还没有评分项',
      '评分方案尚未就绪：各赛段权重之和为 90，不是 100',
    ]);
    expect((await state(f.competitionId)).status).toBe('DRAFT');
    await mutate(t, organizer.token, 'updateStage', 'UpdateStageInput', { stageId: f.stages[1]!.id, weight: 70 }, 'stage { id }');
    await mutate(t, organizer.token, 'addCriterion', 'AddCriterionInput', { stageId: f.stages[1]!.id, name: '焊接', kind: 'JUDGEMENT', maxScore: 100 }, 'criterion { id }');
    expect((await run('openRegistration', { competitionId: f.competitionId })).competition.status).toBe('REGISTRATION_OPEN');
  });

  it('starts only with lots drawn, an active entry, and judges on every stage (three per judged stage for TRIMMED_MEAN)', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_CLOSED', organizer, entries: 1, judges: 2, aggregation: 'TRIMMED_MEAN' });
    await mutate(t, organizer.token, 'unassignJudge', 'UnassignJudgeInput', { competitionId: f.competitionId, userId: f.judges[1]!.globalId }, 'assignment { id }');
    await mutate(t, organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: f.competitionId, userId: f.judges[0]!.globalId, stageIds: [f.stages[1]!.id] }, 'assignment { id }');
    const res = await run('startCompetition', { competitionId: f.competitionId });
    expect(res.userErrors.map((e: any) => [e.code, e.message])).toEqual([
      ['INVALID_STATE', '不能开始竞赛：尚未抽签（drawLots）'],
      ['INVALID_STATE', '不能开始竞赛：赛段“理论”没有裁判'],
      ['INVALID_STATE', '不能开始竞赛：赛段“实操”只有 1 名裁判；“去掉最高最低分后平均”至少需要 3 名'],
    ]);
    await mutate(t, organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: f.competitionId, seed: 'x' }, 'competition { id }');
    for (const j of f.judges) {
      await mutate(t, organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: f.competitionId, userId: j.globalId, stageIds: f.stages.map((s) => s.id) }, 'assignment { id }');
    }
    const third = await t.user([Role.JUDGE]);
    const twoJudges = await run('startCompetition', { competitionId: f.competitionId });
    expect(twoJudges.userErrors.map((e: any) => e.message)).toEqual(['不能开始竞赛：赛段“实操”只有 2 名裁判；“去掉最高最低分后平均”至少需要 3 名']);
    await mutate(t, organizer.token, 'assignJudge', 'AssignJudgeInput', { competitionId: f.competitionId, userId: third.globalId, stageIds: [f.stages[1]!.id] }, 'assignment { id }');
    expect((await run('startCompetition', { competitionId: f.competitionId })).competition.status).toBe('IN_PROGRESS');
  });

  it('will not start without an active entry', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_CLOSED', organizer, entries: 1, judges: 1 });
    await mutate(t, organizer.token, 'drawLots', 'DrawLotsInput', { competitionId: f.competitionId, seed: 'x' }, 'competition { id }');
    await mutate(t, organizer.token, 'withdrawEntry', 'WithdrawEntryInput', { entryId: f.entries[0]!.id }, 'entry { id }');
    const res = await run('startCompetition', { competitionId: f.competitionId });
    expect(res.userErrors.map((e: any) => e.message)).toEqual(['不能开始竞赛：没有参赛中的报名']);
  });

  it('is refused to anonymous viewers, other roles and organizers who do not own it; an admin may', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', organizer, judges: 0 });
    const judge = await t.user([Role.JUDGE]);
    const stranger = await t.user([Role.ORGANIZER]);
    for (const name of MOVES) {
      const input = { competitionId: f.competitionId, reason: 'r' };
      expect(errorCode(await t.gql(move(name), { input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(move(name), { input }, judge.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(move(name), { input }, stranger.token))).toBe('FORBIDDEN');
    }
    expect((await state(f.competitionId)).transitions).toEqual([]);
    const admin = await t.user([Role.ADMIN]);
    expect((await run('cancelCompetition', { competitionId: f.competitionId, reason: '重复创建' }, admin.token)).competition.status).toBe('CANCELLED');
    expect((await state(f.competitionId)).transitions[0].by.id).toBe(admin.globalId);
  });
});

describe('who sees the lifecycle history', () => {
  it('organizers and admins see transitions (field and node); judges and the public do not', async () => {
    const f = await setupCompetition(t, { organizer, entries: 1, judges: 1 });
    const Q = `query($id: ID!) { competition(id: $id) { transitions { nodes { id } } } }`;
    const ids = ok(await t.gql(Q, { id: f.competitionId }, organizer.token)).competition.transitions.nodes.map((x: any) => x.id);
    expect(ids).toHaveLength(3);
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    expect(ok(await t.gql(Q, { id: f.competitionId }, otherOrganizer.token)).competition.transitions.nodes).toHaveLength(3);
    expect(ok(await t.gql(Q, { id: f.competitionId }, f.judges[0]!.token)).competition.transitions).toBeNull();
    expect(ok(await t.gql(Q, { id: f.competitionId })).competition.transitions).toBeNull();
    const NODE = `query($id: ID!) { node(id: $id) { id ... on CompetitionTransition { to } } }`;
    expect(ok(await t.gql(NODE, { id: ids[0] }, organizer.token)).node).toEqual({ id: ids[0], to: 'REGISTRATION_OPEN' });
    expect(ok(await t.gql(NODE, { id: ids[0] }, otherOrganizer.token)).node).toEqual({ id: ids[0], to: 'REGISTRATION_OPEN' });
    expect(ok(await t.gql(NODE, { id: ids[0] }, f.judges[0]!.token)).node).toBeNull();
    expect(ok(await t.gql(NODE, { id: ids[0] })).node).toBeNull();
  });
});
