import { Role } from '../../src/auth/role';
import { drawLots } from '../../src/competitions/entries/lots';
import { enumLabel } from '../../src/common/enum-labels';
import { errorCode, ok, type TestServer } from '../helpers/server';
import { createEnterprise, createWorker } from '../helpers/registry';
import { mutate, setupCompetition } from '../helpers/competition';
import { organizerWithLiveEvents, uuidOf, type TestUser } from './live-setup';

const REGISTER = `mutation($input: RegisterEntryInput!) { registerEntry(input: $input) { entry { id status startNumber displayName participants { name enterprise { id } } } userErrors { code field message } } }`;
const WITHDRAW = `mutation($input: WithdrawEntryInput!) { withdrawEntry(input: $input) { entry { id status statusReason } userErrors { code field message } } }`;
const DISQUALIFY = `mutation($input: DisqualifyEntryInput!) { disqualifyEntry(input: $input) { entry { id status statusReason } userErrors { code field message } } }`;
const DRAW = `mutation($input: DrawLotsInput!) { drawLots(input: $input) { competition { drawSeed drawnAt entries(first: 100, filter: { status: ACTIVE }) { nodes { id startNumber station } } } userErrors { code field message } } }`;
const ENTRIES = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $status: EntryStatus) { competition(id: $id) { entries(first: $first, after: $after, last: $last, before: $before, filter: { status: $status }) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id startNumber station status } } } }`;

const live = organizerWithLiveEvents();
const { events, caughtUp } = live;
let t: TestServer;
let organizer: TestUser;
beforeAll(() => {
  ({ t, organizer } = live);
});

const run = async (q: string, input: Record<string, unknown>, token = organizer.token) => Object.values(ok(await t.gql(q, { input }, token)))[0] as any;
/** drawLots, with the drawn (active) entries in start order as `entries` (the payload's competition lists them). */
const draw = async (input: Record<string, unknown>) => {
  const p = await run(DRAW, input);
  return { ...p, entries: p.competition?.entries.nodes ?? [] };
};
const entries = async (id: string, vars: Record<string, unknown> = {}, token: string | null = organizer.token) => ok(await t.gql(ENTRIES, { id, ...vars }, token)).competition.entries;

describe('registerEntry', () => {
  it('registers an individual and a team, storing each worker’s enterprise at registration', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer });
    const ent = await createEnterprise(t, organizer.token);
    const w = await createWorker(t, organizer.token, ent.id, { name: '李焊' });
    const res = await run(REGISTER, { competitionId: f.competitionId, workerIds: [w.id] });
    expect(res.userErrors).toEqual([]);
    expect(res.entry).toMatchObject({ status: 'ACTIVE', startNumber: null, displayName: '李焊', participants: [{ name: '李焊', enterprise: { id: ent.id } }] });
    // The worker moves on; the entry keeps the enterprise it was registered for.
    const other = await createEnterprise(t, organizer.token);
    await t.gql(`mutation($input: UpdateWorkerInput!) { updateWorker(input: $input) { userErrors { code } } }`, { input: { workerId: w.id, enterpriseId: other.id } }, organizer.token);
    const node = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Entry { participants { enterprise { id } } } } }`, { id: res.entry.id })).node;
    expect(node.participants).toEqual([{ enterprise: { id: ent.id } }]);

    const team = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer, teamSize: 2 });
    const a = await createWorker(t, organizer.token, ent.id, { name: '甲' });
    const b = await createWorker(t, organizer.token, other.id, { name: '乙' });
    const noName = await run(REGISTER, { competitionId: team.competitionId, workerIds: [a.id, b.id] });
    expect(noName.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'teamName'] })]);
    const ok2 = await run(REGISTER, { competitionId: team.competitionId, workerIds: [a.id, b.id], teamName: '港城一队' });
    expect(ok2.entry).toMatchObject({ displayName: '港城一队', participants: [{ name: '甲', enterprise: { id: ent.id } }, { name: '乙', enterprise: { id: other.id } }] });
  });

  it('enforces each eligibility rule with NOT_ELIGIBLE naming it, and registers nothing', async () => {
    const allowed = await createEnterprise(t, organizer.token);
    const elsewhere = await createEnterprise(t, organizer.token);
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 0, organizer });
    await mutate(t, organizer.token, 'updateCompetition', 'UpdateCompetitionInput', {
      competitionId: f.competitionId, eligibility: { trades: ['焊工', '电焊工'], minSkillLevel: 'INTERMEDIATE', maxSkillLevel: 'TECHNICIAN', enterpriseIds: [allowed.id] },
    }, 'competition { id }');
    await mutate(t, organizer.token, 'openRegistration', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
    const worker = (over: Record<string, unknown>, ent = allowed) => createWorker(t, organizer.token, ent.id, { trade: '焊工', skillLevel: 'SENIOR', ...over });
    const expectRule = async (workerIds: string[], rule: string, field = ['input', 'workerIds', '0']) => {
      const res = await run(REGISTER, { competitionId: f.competitionId, workerIds });
      expect(res.entry).toBeNull();
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', field, message: expect.stringContaining(`规则“${rule}”`) })]);
    };
    await expectRule([(await worker({ trade: '钳工' })).id], '工种');
    await expectRule([(await worker({ skillLevel: 'JUNIOR' })).id], '技能等级');
    await expectRule([(await worker({ skillLevel: 'SENIOR_TECHNICIAN' })).id], '技能等级');
    await expectRule([(await worker({ skillLevel: null })).id], '技能等级');
    await expectRule([(await worker({}, elsewhere)).id], '企业');
    const good = await worker({ trade: '电焊工', skillLevel: 'TECHNICIAN' });
    await expectRule([good.id, (await worker({})).id], '每队人数', ['input', 'workerIds']);
    expect((await entries(f.competitionId)).totalCount).toBe(0);
    expect((await run(REGISTER, { competitionId: f.competitionId, workerIds: [good.id] })).userErrors).toEqual([]);
    await expectRule([good.id], '每人一项报名');
    const both = await run(REGISTER, { competitionId: f.competitionId, workerIds: [(await worker({ trade: '钳工', skillLevel: 'JUNIOR' })).id] });
    expect(both.userErrors.map((e: any) => e.message.match(/规则“([^”]+)”/)[1])).toEqual(['工种', '技能等级']);
    expect(both.userErrors[1].message).toMatch(/为初级工，本竞赛要求中级工–技师$/);
    // The same refusal in English on request; names and trades stay as written.
    const inEnglish = ok(await t.gql(REGISTER, { input: { competitionId: f.competitionId, workerIds: [(await worker({ trade: '钳工', skillLevel: 'JUNIOR' })).id] } }, organizer.token, { locale: 'en' })).registerEntry;
    expect(inEnglish.userErrors.map((e: any) => e.message)).toEqual([
      expect.stringMatching(/^Rule “trade”: .+ works as 钳工; this competition is for 焊工, 电焊工$/),
      expect.stringMatching(/^Rule “skill level”: .+ is Junior worker; this competition requires Intermediate worker–Technician$/),
    ]);
    expect((await entries(f.competitionId)).totalCount).toBe(1);
  });

  it('refuses a duplicate worker within a team, and the competition’s own trade applies when no trades are listed', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer, teamSize: 2 });
    const ent = await createEnterprise(t, organizer.token);
    const w = await createWorker(t, organizer.token, ent.id, { trade: '焊工' });
    const dup = await run(REGISTER, { competitionId: f.competitionId, workerIds: [w.id, w.id], teamName: 'T' });
    expect(dup.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', field: ['input', 'workerIds', '1'], message: expect.stringContaining('规则“职工不重复”') })]);
    const fitter = await createWorker(t, organizer.token, ent.id, { trade: '钳工' });
    const trade = await run(REGISTER, { competitionId: f.competitionId, workerIds: [w.id, fitter.id], teamName: 'T' });
    expect(trade.userErrors).toEqual([expect.objectContaining({ field: ['input', 'workerIds', '1'], message: expect.stringContaining('本竞赛限焊工') })]);
  });

  it('lets only one of two simultaneous registrations of a worker through', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer });
    const w = await createWorker(t, organizer.token, (await createEnterprise(t, organizer.token)).id);
    const results = await Promise.all([1, 2, 3].map(() => run(REGISTER, { competitionId: f.competitionId, workerIds: [w.id] })));
    expect(results.filter((r) => r.entry).length).toBe(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'NOT_ELIGIBLE').length).toBe(2);
    expect((await entries(f.competitionId)).totalCount).toBe(1);
  });

  it('reports unknown workers and wrong IDs, and is open only while REGISTRATION_OPEN', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer });
    const ghost = Buffer.from('Worker:11111111-1111-4111-8111-111111111111').toString('base64url');
    expect((await run(REGISTER, { competitionId: f.competitionId, workerIds: [ghost] })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'workerIds', '0'] })]);
    expect((await run(REGISTER, { competitionId: f.competitionId, workerIds: [f.competitionId] })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'workerIds', '0'] })]);
    const w = await createWorker(t, organizer.token, (await createEnterprise(t, organizer.token)).id);
    for (const until of ['DRAFT', 'REGISTRATION_CLOSED'] as const) {
      const g = await setupCompetition(t, { until, entries: 0, judges: 0, organizer });
      const res = await run(REGISTER, { competitionId: g.competitionId, workerIds: [w.id] });
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining(`竞赛当前为“${enumLabel('CompetitionStatus', until)}”`) })]);
    }
  });

  it('is refused to anonymous viewers, other roles and other organizers', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 0, judges: 0, organizer });
    const w = await createWorker(t, organizer.token, (await createEnterprise(t, organizer.token)).id);
    const input = { competitionId: f.competitionId, workerIds: [w.id] };
    expect(errorCode(await t.gql(REGISTER, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REGISTER, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REGISTER, { input }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect((await entries(f.competitionId)).totalCount).toBe(0);
  });
});

describe('withdrawEntry and disqualifyEntry', () => {
  it('withdraws (reason optional) and disqualifies (reason required); both stay listed, silently before the start', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 3, judges: 0, organizer });
    await caughtUp();
    events.length = 0;
    const w = await run(WITHDRAW, { entryId: f.entries[0]!.id });
    expect(w.entry).toMatchObject({ status: 'WITHDRAWN', statusReason: null });
    expect((await run(WITHDRAW, { entryId: f.entries[0]!.id })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('已退赛') })]);
    expect(errorCode(await t.gql(DISQUALIFY, { input: { entryId: f.entries[1]!.id } }, organizer.token))).toBe('BAD_USER_INPUT');
    const blank = await run(DISQUALIFY, { entryId: f.entries[1]!.id, reason: '  ' });
    expect(blank.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'reason'] })]);
    const d = await run(DISQUALIFY, { entryId: f.entries[1]!.id, reason: '冒名顶替' });
    expect(d.entry).toMatchObject({ status: 'DISQUALIFIED', statusReason: '冒名顶替' });
    const list = await entries(f.competitionId);
    expect(list.totalCount).toBe(3);
    expect((await entries(f.competitionId, { status: 'ACTIVE' })).nodes.map((e: any) => e.id)).toEqual([f.entries[2]!.id]);
    expect((await entries(f.competitionId, { status: 'DISQUALIFIED' }, null)).nodes.map((e: any) => e.id)).toEqual([f.entries[1]!.id]);
    await caughtUp();
    expect(events.filter((e) => e.competitionId === uuidOf(f.competitionId))).toEqual([]);
  });

  it('during the competition, bumps the leaderboard version and tells boards which entry left the ranking', async () => {
    const f = await setupCompetition(t, { entries: 3, judges: 1, organizer });
    await caughtUp();
    events.length = 0;
    await run(DISQUALIFY, { entryId: f.entries[0]!.id, reason: '违规操作' });
    await run(WITHDRAW, { entryId: f.entries[1]!.id, reason: '受伤' });
    await caughtUp();
    const mine = events.filter((e) => e.competitionId === uuidOf(f.competitionId));
    expect(mine.map((e) => [e.kind, e.entryId])).toEqual([['leaderboard', uuidOf(f.entries[0]!.id)], ['leaderboard', uuidOf(f.entries[1]!.id)]]);
    expect(mine[1].version).toBe(mine[0].version + 1);
    const after = (await entries(f.competitionId)).nodes;
    expect(after.map((e: any) => e.status).sort()).toEqual(['ACTIVE', 'DISQUALIFIED', 'WITHDRAWN']);
    expect(after.every((e: any) => e.startNumber != null)).toBe(true);
  });

  it('is refused in a cancelled competition, to non-owners, and for unknown entries', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 1, judges: 0, organizer });
    const input = { entryId: f.entries[0]!.id, reason: 'r' };
    const stranger = await t.user([Role.ORGANIZER]);
    for (const q of [WITHDRAW, DISQUALIFY]) {
      expect(errorCode(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(q, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(q, { input }, stranger.token))).toBe('FORBIDDEN');
      const ghost = Buffer.from('Entry:11111111-1111-4111-8111-111111111111').toString('base64url');
      expect((await run(q, { entryId: ghost, reason: 'r' })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'entryId'] })]);
    }
    await mutate(t, organizer.token, 'cancelCompetition', 'CompetitionTransitionInput', { competitionId: f.competitionId, reason: '取消' }, 'competition { id }');
    for (const q of [WITHDRAW, DISQUALIFY]) {
      expect((await run(q, input)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('已取消') })]);
    }
    expect((await entries(f.competitionId)).nodes[0].status).toBe('ACTIVE');
  });
});

describe('drawLots', () => {
  it('numbers the active entries 1..n with stations, reproducibly from the recorded seed', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 8, judges: 0, organizer });
    await run(WITHDRAW, { entryId: f.entries[3]!.id });
    await mutate(t, organizer.token, 'closeRegistration', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { id }');
    const first = await draw({ competitionId: f.competitionId, seed: '2026-05-10 公证抽签' });
    expect(first.userErrors).toEqual([]);
    expect(first.competition.drawSeed).toBe('2026-05-10 公证抽签');
    expect(first.competition.drawnAt).toBeTruthy();
    expect(first.entries.map((e: any) => e.startNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(first.entries.map((e: any) => e.station)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07']);
    const active = f.entries.filter((_, i) => i !== 3).map((e) => uuidOf(e.id));
    expect(first.entries.map((e: any) => uuidOf(e.id))).toEqual(drawLots(active, '2026-05-10 公证抽签').map((l) => l.entryId));

    const other = await draw({ competitionId: f.competitionId, seed: 'another seed' });
    expect(other.entries.map((e: any) => e.id)).not.toEqual(first.entries.map((e: any) => e.id));
    const again = await draw({ competitionId: f.competitionId, seed: '2026-05-10 公证抽签' });
    expect(again.entries).toEqual(first.entries);
    const list = (await entries(f.competitionId)).nodes;
    expect(list.map((e: any) => e.id)).toEqual([...first.entries.map((e: any) => e.id), f.entries[3]!.id]);
    expect(list[7]).toMatchObject({ status: 'WITHDRAWN', startNumber: null, station: null });
  });

  it('is possible only after registration closes and before the start; the seed is required', async () => {
    const open = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 1, judges: 0, organizer });
    expect((await draw({ competitionId: open.competitionId, seed: 's' })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('报名中') })]);
    const started = await setupCompetition(t, { entries: 2, judges: 1, organizer });
    const redraw = await draw({ competitionId: started.competitionId, seed: 'other' });
    expect(redraw.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('进行中') })]);
    expect(ok(await t.gql(`query($id: ID!) { competition(id: $id) { drawSeed } }`, { id: started.competitionId })).competition.drawSeed).toBe('test-seed');
    const closed = await setupCompetition(t, { until: 'REGISTRATION_CLOSED', entries: 1, judges: 0, organizer });
    expect((await draw({ competitionId: closed.competitionId, seed: '' })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'seed'] })]);
    const empty = await setupCompetition(t, { until: 'REGISTRATION_CLOSED', entries: 0, judges: 0, organizer });
    expect((await draw({ competitionId: empty.competitionId, seed: 's' })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const input = { competitionId: closed.competitionId, seed: 's' };
    expect(errorCode(await t.gql(DRAW, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(DRAW, { input }, (await t.user([Role.JUDGE])).token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DRAW, { input }, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
    expect((await entries(closed.competitionId)).nodes[0].startNumber).toBeNull();
  });
});

describe('Competition.entries', () => {
  it('pages in start order both ways, with registration order before the draw', async () => {
    const f = await setupCompetition(t, { until: 'REGISTRATION_CLOSED', entries: 5, judges: 0, organizer });
    expect((await entries(f.competitionId)).nodes.map((e: any) => e.id)).toEqual(f.entries.map((e) => e.id));
    const drawn = (await draw({ competitionId: f.competitionId, seed: 'page' })).entries.map((e: any) => e.id);
    const p1 = await entries(f.competitionId, { first: 2 }, null);
    expect(p1.nodes.map((e: any) => e.id)).toEqual(drawn.slice(0, 2));
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(p1.totalCount).toBe(5);
    const p2 = await entries(f.competitionId, { first: 2, after: p1.pageInfo.endCursor }, null);
    const p3 = await entries(f.competitionId, { first: 2, after: p2.pageInfo.endCursor }, null);
    expect([...p2.nodes, ...p3.nodes].map((e: any) => e.id)).toEqual(drawn.slice(2));
    expect(p3.pageInfo.hasNextPage).toBe(false);
    const back = await entries(f.competitionId, { last: 2, before: p3.pageInfo.startCursor }, null);
    expect(back.nodes.map((e: any) => e.id)).toEqual(drawn.slice(2, 4));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    expect(errorCode(await t.gql(ENTRIES, { id: f.competitionId, after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(ENTRIES, { id: f.competitionId, first: 1, last: 1 }))).toBe('BAD_USER_INPUT');
  });

  it('resolves entries with participants in a constant number of statements', async () => {
    const Q = `query($id: ID!) { competition(id: $id) { entries(first: 100) { nodes { displayName anonymized competition { title } participants { name enterprise { name } worker { name } } } } } }`;
    const small = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 2, judges: 0, organizer, teamSize: 2 });
    const large = await setupCompetition(t, { until: 'REGISTRATION_OPEN', entries: 8, judges: 0, organizer, teamSize: 2 });
    const a = await t.countStatements(async () => ok(await t.gql(Q, { id: small.competitionId }, organizer.token)));
    const b = await t.countStatements(async () => ok(await t.gql(Q, { id: large.competitionId }, organizer.token)));
    expect(b).toBe(a);
  });
});
