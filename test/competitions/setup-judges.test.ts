import { Role } from '../../src/auth/role';
import { errorCode, ok, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate, setupCompetition } from '../helpers/competition';
import { organizerWithLiveEvents, uuidOf, type TestUser } from './live-setup';

const ASSIGN = `mutation($input: AssignJudgeInput!) { assignJudge(input: $input) { assignment { id chief reason removedAt removedReason user { id displayName } stages { id } enterprise { id } competition { id } } userErrors { code field message } } }`;
const UNASSIGN = `mutation($input: UnassignJudgeInput!) { unassignJudge(input: $input) { assignment { id removedAt removedReason } userErrors { code field message } } }`;
const PANEL = `query($id: ID!, $all: Boolean) { competition(id: $id) { judges(includeRemoved: $all) { nodes { id chief reason removedReason user { id } stages { name } } } } }`;

const live = organizerWithLiveEvents();
const { events, caughtUp } = live;
let t: TestServer;
let organizer: TestUser;
beforeAll(() => {
  ({ t, organizer } = live);
});

const run = async (q: string, input: Record<string, unknown>, token = organizer.token) => Object.values(ok(await t.gql(q, { input }, token)))[0] as any;
const panel = async (id: string, token: string | null = organizer.token, all = false) => ok(await t.gql(PANEL, { id, all }, token)).competition.judges?.nodes ?? null;
const uuid = (globalId: string) => uuidOf(globalId);

async function judgeOf(enterpriseId?: string) {
  if (!enterpriseId) return t.user([Role.JUDGE]);
  const w = await createWorker(t, organizer.token, enterpriseId);
  return t.user([Role.JUDGE], { workerId: uuid(w.id) });
}

describe('assignJudge', () => {
  it('puts a JUDGE on stages with their enterprise, and re-assigning changes the same assignment', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 0, organizer });
    const ent = await createEnterprise(t, organizer.token);
    const judge = await judgeOf(ent.id);
    const res = await run(ASSIGN, { competitionId: f.competitionId, userId: judge.globalId, stageIds: [f.stages[1]!.id], chief: true });
    expect(res.userErrors).toEqual([]);
    expect(res.assignment).toMatchObject({ chief: true, reason: null, removedAt: null, user: { id: judge.globalId }, stages: [{ id: f.stages[1]!.id }], enterprise: { id: ent.id }, competition: { id: f.competitionId } });
    const again = await run(ASSIGN, { competitionId: f.competitionId, userId: judge.globalId, stageIds: [f.stages[1]!.id, f.stages[0]!.id, f.stages[0]!.id] });
    expect(again.assignment.id).toBe(res.assignment.id);
    expect(again.assignment).toMatchObject({ chief: false, stages: [{ id: f.stages[0]!.id }, { id: f.stages[1]!.id }] });
    const unlinked = await judgeOf();
    expect((await run(ASSIGN, { competitionId: f.competitionId, userId: unlinked.globalId, stageIds: [f.stages[0]!.id] })).assignment.enterprise).toBeNull();
    expect(await panel(f.competitionId)).toHaveLength(2);
  });

  it('refuses a user without JUDGE, foreign or missing stages, unknown users and a second chief; changes nothing', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 1, organizer });
    const other = await setupCompetition(t, { until: 'DRAFT', judges: 0, organizer });
    const reviewer = await t.user([Role.REVIEWER]);
    const notJudge = await run(ASSIGN, { competitionId: f.competitionId, userId: reviewer.globalId, stageIds: [f.stages[0]!.id] });
    expect(notJudge.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', field: ['input', 'userId'], message: expect.stringContaining('没有裁判角色') })]);
    const judge = await judgeOf();
    const foreign = await run(ASSIGN, { competitionId: f.competitionId, userId: judge.globalId, stageIds: [f.stages[0]!.id, other.stages[0]!.id] });
    expect(foreign.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'stageIds', '1'] })]);
    expect((await run(ASSIGN, { competitionId: f.competitionId, userId: judge.globalId, stageIds: [] })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'stageIds'] })]);
    const chief = await run(ASSIGN, { competitionId: f.competitionId, userId: judge.globalId, stageIds: [f.stages[0]!.id], chief: true });
    expect(chief.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'chief'] })]);
    const ghost = Buffer.from('User:11111111-1111-4111-8111-111111111111').toString('base64url');
    expect((await run(ASSIGN, { competitionId: f.competitionId, userId: ghost, stageIds: [f.stages[0]!.id] })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'userId'] })]);
    expect((await run(ASSIGN, { competitionId: f.competitionId, userId: f.competitionId, stageIds: [f.stages[0]!.id] })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'userId'] })]);
    expect((await panel(f.competitionId)).map((a: any) => a.user.id)).toEqual([f.judges[0]!.globalId]);
  });

  it('needs a recorded reason once the competition is in progress, and tells boards the panel changed', async () => {
    const f = await setupCompetition(t, { entries: 1, judges: 1, organizer });
    const judge = await judgeOf();
    const input = { competitionId: f.competitionId, userId: judge.globalId, stageIds: [f.stages[1]!.id] };
    expect((await run(ASSIGN, input)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    expect(await panel(f.competitionId)).toHaveLength(1);
    await caughtUp();
    events.length = 0;
    const res = await run(ASSIGN, { ...input, reason: '原裁判回避' });
    expect(res.assignment.reason).toBe('原裁判回避');
    expect((await run(UNASSIGN, { competitionId: f.competitionId, userId: f.judges[0]!.globalId })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    const un = await run(UNASSIGN, { competitionId: f.competitionId, userId: f.judges[0]!.globalId, reason: '身体不适' });
    expect(un.assignment).toMatchObject({ removedReason: '身体不适', removedAt: expect.any(String) });
    await caughtUp();
    const mine = events.filter((e) => e.competitionId === uuidOf(f.competitionId));
    expect(mine.map((e) => [e.kind, e.entryId])).toEqual([['leaderboard', null], ['leaderboard', null]]);
    expect(mine[1].version).toBe(mine[0].version + 1);
  });

  it('is closed once the competition is cancelled', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 1, organizer });
    await mutate(t, organizer.token, 'cancelCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId, reason: '取消' }, 'competition { id }');
    const judge = await judgeOf();
    const res = await run(ASSIGN, { competitionId: f.competitionId, userId: judge.globalId, stageIds: [f.stages[0]!.id], reason: 'r' });
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('竞赛当前为“已取消”') })]);
    expect((await run(UNASSIGN, { competitionId: f.competitionId, userId: f.judges[0]!.globalId, reason: 'r' })).userErrors[0].code).toBe('INVALID_STATE');
  });

  it('is refused to anonymous viewers, judges and other organizers', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 1, organizer });
    const judge = await judgeOf();
    const stranger = await t.user([Role.ORGANIZER]);
    for (const [q, input] of [
      [ASSIGN, { competitionId: f.competitionId, userId: judge.globalId, stageIds: [f.stages[0]!.id] }],
      [UNASSIGN, { competitionId: f.competitionId, userId: f.judges[0]!.globalId }],
    ] as const) {
      expect(errorCode(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(q, { input }, f.judges[0]!.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(q, { input }, stranger.token))).toBe('FORBIDDEN');
    }
    expect((await panel(f.competitionId)).map((a: any) => a.user.id)).toEqual([f.judges[0]!.globalId]);
  });
});

describe('unassignJudge', () => {
  it('takes the judge off the panel, keeping the history; a second removal is NOT_FOUND', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 2, organizer });
    const res = await run(UNASSIGN, { competitionId: f.competitionId, userId: f.judges[1]!.globalId, reason: '回避' });
    expect(res.assignment).toMatchObject({ removedReason: '回避', removedAt: expect.any(String) });
    expect((await panel(f.competitionId)).map((a: any) => a.user.id)).toEqual([f.judges[0]!.globalId]);
    expect((await panel(f.competitionId, organizer.token, true)).map((a: any) => [a.user.id, a.removedReason])).toEqual([[f.judges[0]!.globalId, null], [f.judges[1]!.globalId, '回避']]);
    expect((await run(UNASSIGN, { competitionId: f.competitionId, userId: f.judges[1]!.globalId })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'userId'] })]);
    // Back on the panel: a fresh assignment.
    const back = await run(ASSIGN, { competitionId: f.competitionId, userId: f.judges[1]!.globalId, stageIds: [f.stages[0]!.id] });
    expect(back.assignment.id).not.toBe(res.assignment.id);
  });
});

describe('who sees the panel', () => {
  it('the competition’s judges, its organizer and admins see it (field and node); the public, other judges and other organizers do not', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 2, organizer });
    const [mine] = await panel(f.competitionId);
    expect((await panel(f.competitionId, f.judges[1]!.token)).map((a: any) => a.user.id)).toEqual(f.judges.map((j) => j.globalId));
    const otherOrganizer = await t.user([Role.ORGANIZER]);
    expect(await panel(f.competitionId, otherOrganizer.token)).toBeNull();
    expect(await panel(f.competitionId, (await t.user([Role.ADMIN])).token)).toHaveLength(2);
    const outsider = await judgeOf();
    expect(await panel(f.competitionId, outsider.token)).toBeNull();
    expect(await panel(f.competitionId, null)).toBeNull();
    const NODE = `query($id: ID!) { node(id: $id) { id ... on JudgeAssignment { chief user { displayName } } } }`;
    expect(ok(await t.gql(NODE, { id: mine.id }, f.judges[1]!.token)).node).toMatchObject({ id: mine.id, chief: true });
    expect(ok(await t.gql(NODE, { id: mine.id }, organizer.token)).node).toMatchObject({ id: mine.id });
    expect(ok(await t.gql(NODE, { id: mine.id }, outsider.token)).node).toBeNull();
    expect(ok(await t.gql(NODE, { id: mine.id }, otherOrganizer.token)).node).toBeNull();
    expect(ok(await t.gql(NODE, { id: mine.id })).node).toBeNull();
    // A judge's account (email, roles) is not exposed through the panel.
    expect(errorCode(await t.gql(`query($id: ID!) { competition(id: $id) { judges { nodes { user { email } } } } }`, { id: f.competitionId }, organizer.token))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
