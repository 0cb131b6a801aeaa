import { Role } from '../../src/auth/role';
import { idOf } from '../../src/common/relay';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate } from '../helpers/competition';
import { createEnterprise, createWorker } from '../helpers/registry';

/*
 * 参赛率's denominator is every eligible worker in the competition's scope — the host enterprise, the
 * district, or the whole registry by level — not only the enterprises that sent someone, and never the
 * competition's own judges. Registry: A (思明区) welders a1 a2; B (湖里区) welders b1 b2 b3; C (思明区)
 * welder c1 and an electrician.
 */
const STATS = `query($id: ID!) { node(id: $id) { ... on Competition { stats { workers eligibleWorkers participationRate } } } }`;
const CREATE = `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { competition { id district } userErrors { code field message } } }`;
const DAY = 86_400_000;

let t: TestServer;
let organizer: { token: string };
const w: Record<string, string> = {};
let enterprises: Record<string, string>;

beforeAll(async () => {
  t = await startTestServer();
  organizer = await t.user([Role.ORGANIZER]);
  const token = organizer.token;
  enterprises = {
    A: (await createEnterprise(t, token, { district: '思明区' })).id,
    B: (await createEnterprise(t, token, { district: '湖里区' })).id,
    C: (await createEnterprise(t, token, { district: '思明区' })).id,
  };
  for (const name of ['a1', 'a2', 'b1', 'b2', 'b3', 'c1']) {
    w[name] = (await createWorker(t, token, enterprises[name[0]!.toUpperCase()]!, { trade: '焊工', skillLevel: 'SENIOR' })).id;
  }
  await createWorker(t, token, enterprises.C!, { trade: '电工', skillLevel: 'SENIOR' });
});
afterAll(async () => t.close());

const input = (over: Record<string, unknown>) => ({
  title: '参赛率测试', kind: 'JOB_DRILL', level: 'CITY', trade: '焊工',
  startsAt: new Date(Date.now() + 10 * DAY).toISOString(), endsAt: new Date(Date.now() + 11 * DAY).toISOString(), ...over,
});

/** A competition open for registration with the given entrants (and judges linked to the given workers). */
async function competition(over: Record<string, unknown>, entrants: string[], judgeWorkers: string[] = []): Promise<string> {
  const token = organizer.token;
  const { competition: c } = await mutate(t, token, 'createCompetition', 'CreateCompetitionInput', input(over), 'competition { id }');
  const { stage } = await mutate(t, token, 'addStage', 'AddStageInput', { competitionId: c.id, name: '实操', weight: 100 }, 'stage { id }');
  await mutate(t, token, 'addCriterion', 'AddCriterionInput', { stageId: stage.id, name: '用时', kind: 'MEASUREMENT', maxScore: 100 }, 'criterion { id }');
  for (const workerId of judgeWorkers) {
    const judge = await t.user([Role.JUDGE], { workerId: idOf(workerId, 'Worker')! });
    await mutate(t, token, 'assignJudge', 'AssignJudgeInput', { competitionId: c.id, userId: judge.globalId, stageIds: [stage.id] }, 'assignment { id }');
  }
  await mutate(t, token, 'openRegistration', 'CompetitionTransitionInput', { competitionId: c.id }, 'competition { status }');
  for (const workerId of entrants) await mutate(t, token, 'registerEntry', 'RegisterEntryInput', { competitionId: c.id, workerIds: [workerId] }, 'entry { id }');
  return c.id;
}
const stats = async (id: string) => ok(await t.gql(STATS, { id })).node.stats;

describe('participation rate (参赛率) scope', () => {
  it('an ENTERPRISE contest counts its host enterprise', async () => {
    const id = await competition({ level: 'ENTERPRISE', hostEnterpriseId: enterprises.B }, [w.b1!]);
    expect(await stats(id)).toEqual({ workers: 1, eligibleWorkers: 3, participationRate: 0.3333 });
  });

  it('a DISTRICT contest counts every enterprise of its district, also those that sent nobody', async () => {
    const id = await competition({ level: 'DISTRICT', district: '思明区' }, [w.a1!]);
    // a1, a2 and C's c1 (C sent nobody); not B's welders in 湖里区, not the electrician.
    expect(await stats(id)).toEqual({ workers: 1, eligibleWorkers: 3, participationRate: 0.3333 });
  });

  it('a CITY contest counts the whole registry but its own judges', async () => {
    const id = await competition({ level: 'CITY' }, [w.a1!], [w.b3!]);
    // a1 a2 b1 b2 c1; b3 judges this competition.
    expect(await stats(id)).toEqual({ workers: 1, eligibleWorkers: 5, participationRate: 0.2 });
  });

  it('refuses an ENTERPRISE contest without its host and a DISTRICT contest without its district', async () => {
    const noHost = ok(await t.gql(CREATE, { input: input({ level: 'ENTERPRISE' }) }, organizer.token)).createCompetition;
    expect(noHost.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'hostEnterpriseId'] })]);
    const noDistrict = ok(await t.gql(CREATE, { input: input({ level: 'DISTRICT', district: ' ' }) }, organizer.token)).createCompetition;
    expect(noDistrict.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'district'] })]);
    const fine = ok(await t.gql(CREATE, { input: input({ level: 'DISTRICT', district: ' 思明区 ' }) }, organizer.token)).createCompetition;
    expect(fine).toMatchObject({ userErrors: [], competition: { district: '思明区' } });
  });
});
