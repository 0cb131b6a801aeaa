import { Role } from '../../src/auth/role';
import { createEnterprise } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { approvedBank, bankWorld, call, choiceCsv, HEADER, must, type BankWorld, type User } from './fixture';

/* Drill setup (网上练兵活动): creating with a paper rule checked against the approved bank, changing, publishing, cancelling, and who may. */
let t: TestServer;
let w: BankWorld;
let otherOrganizer: User;
let judge: User;
let enterpriseId: string;
beforeAll(async () => {
  t = await startTestServer();
  w = await bankWorld(t);
  otherOrganizer = await t.user([Role.ORGANIZER]);
  judge = await t.user([Role.JUDGE]);
  enterpriseId = (await createEnterprise(t, w.admin.token)).id;
  await approvedBank(t, w, '电工', choiceCsv('安全', '易', 6));
  await approvedBank(t, w, '电工', [HEADER, '判断题,接地可防触电。,,,,,,,对,,电路,难,', '判断题,铜比铝导电差。,,,,,,,错,,电路,难,'].join('\n'));
  // A draft is not in the pool.
  await must(t, w.organizer.token, 'importQuestions', 'ImportQuestionsInput', { trade: '电工', csv: choiceCsv('安全', '易', 5, '草稿') }, 'importedCount');
}, 120_000);
afterAll(() => t.close());

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const POINTS = [{ type: 'SINGLE_CHOICE', points: 2 }, { type: 'MULTIPLE_CHOICE', points: 4 }, { type: 'TRUE_FALSE', points: 1 }, { type: 'FILL_IN', points: 3 }];
const drillInput = (extra: Record<string, unknown> = {}) => ({
  title: '2027年电工安全知识网上练兵', trades: ['电工'], opensAt: hours(1), closesAt: hours(49), timeLimitMinutes: 30, attemptsAllowed: 1, passMark: 8,
  paperRule: { sections: [{ topic: '安全', count: 5 }, { topic: '电路', difficulty: 'HARD', type: 'TRUE_FALSE', count: 2 }], pointsByType: POINTS },
  eligibility: { enterpriseIds: [enterpriseId], districts: ['市南区'], ownerships: ['STATE_OWNED'], minSkillLevel: 'JUNIOR', maxSkillLevel: 'SENIOR' },
  ...extra,
});
const SELECT = `drill { id status phase version title trades timeLimitMinutes attemptsAllowed counting resultRelease passMark viewerRuns organizer { id }
  paperRule { sections { topic difficulty type count } pointsByType { type points } }
  eligibility { enterprises { id } districts ownerships minSkillLevel maxSkillLevel } }`;

describe('createDrill', () => {
  it('creates a DRAFT with its rule, eligibility and derived phase; the public does not see it until published', async () => {
    const { drill } = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput(), SELECT);
    expect(drill).toMatchObject({
      status: 'DRAFT', phase: 'UPCOMING', trades: ['电工'], counting: 'BEST', resultRelease: 'AFTER_WINDOW', passMark: 8, viewerRuns: true, organizer: { id: w.organizer.globalId },
      paperRule: { sections: [{ topic: '安全', difficulty: null, type: null, count: 5 }, { topic: '电路', difficulty: 'HARD', type: 'TRUE_FALSE', count: 2 }], pointsByType: POINTS },
      eligibility: { enterprises: [{ id: enterpriseId }], districts: ['市南区'], ownerships: ['STATE_OWNED'], minSkillLevel: 'JUNIOR', maxSkillLevel: 'SENIOR' },
    });
    const read = `query($id: ID!) { drill(id: $id) { id } node(id: $id) { id } }`;
    expect(ok(await t.gql(read, { id: drill.id }))).toEqual({ drill: null, node: null });
    expect(ok(await t.gql(read, { id: drill.id }, otherOrganizer.token))).toEqual({ drill: null, node: null });
    await must(t, w.organizer.token, 'publishDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { id }');
    expect(ok(await t.gql(read, { id: drill.id }))).toEqual({ drill: { id: drill.id }, node: { id: drill.id } });
    const listed = ok(await t.gql(`{ drills(first: 50, filter: { phase: UPCOMING, trade: "电工" }) { totalCount nodes { id } } }`));
    expect(listed.drills.nodes.map((n: any) => n.id)).toContain(drill.id);
    expect(ok(await t.gql(`{ drills(first: 50, filter: { phase: OPEN }) { nodes { id } } }`)).drills.nodes.map((n: any) => n.id)).not.toContain(drill.id);
  });

  it('is refused to a JUDGE, a REVIEWER and anonymous callers', async () => {
    const m = `mutation($input: CreateDrillInput!) { createDrill(input: $input) { userErrors { code } } }`;
    expect(errorCode(await t.gql(m, { input: drillInput() }))).toBe('UNAUTHENTICATED');
    for (const u of [judge, w.reviewer]) expect(errorCode(await t.gql(m, { input: drillInput() }, u.token))).toBe('FORBIDDEN');
  });

  it('names a section the approved bank cannot fill (drafts do not count), and creates nothing', async () => {
    const before = ok(await t.gql(`{ drills(first: 1) { totalCount } }`, {}, w.admin.token)).drills.totalCount;
    const short = await call(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput({
      paperRule: { sections: [{ topic: '安全', count: 7 }, { topic: '电路', count: 2 }, { topic: '电路', type: 'FILL_IN', count: 1 }], pointsByType: POINTS },
    }), 'drill { id }');
    expect(short.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'paperRule', 'sections', '0'], message: expect.stringContaining('需要 7 道已审核试题，题库中只有 6 道') }),
      expect.objectContaining({ field: ['input', 'paperRule', 'sections', '2'] }),
    ]);
    expect(ok(await t.gql(`{ drills(first: 1) { totalCount } }`, {}, w.admin.token)).drills.totalCount).toBe(before);
  });

  it('checks the window, the time limit, attempts, the points and the pass mark', async () => {
    const bad = await call(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput({
      opensAt: hours(5), closesAt: hours(2), timeLimitMinutes: 0, attemptsAllowed: 0, passMark: 1000,
      paperRule: { sections: [{ topic: '安全', count: 1 }], pointsByType: POINTS.slice(1) },
      eligibility: { minSkillLevel: 'SENIOR', maxSkillLevel: 'JUNIOR' },
    }), 'drill { id }');
    expect(bad.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual([
      'input.attemptsAllowed', 'input.closesAt', 'input.eligibility.maxSkillLevel', 'input.paperRule.pointsByType', 'input.passMark', 'input.timeLimitMinutes',
    ]);
    const past = await call(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput({ opensAt: hours(-5), closesAt: hours(-1) }), 'drill { id }');
    expect(past.userErrors).toEqual([expect.objectContaining({ field: ['input', 'closesAt'] })]);
  });
});

describe('changing, publishing, cancelling', () => {
  it('only its organizer or an ADMIN changes a drill; another organizer gets FORBIDDEN', async () => {
    const { drill } = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput(), SELECT);
    for (const [name, type, input] of [
      ['updateDrill', 'UpdateDrillInput', { drillId: drill.id, title: '改' }], ['publishDrill', 'DrillIdInput', { drillId: drill.id }], ['cancelDrill', 'DrillIdInput', { drillId: drill.id }],
    ] as const) {
      const res = await t.gql(`mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code } } }`, { input }, otherOrganizer.token);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(`mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code } } }`, { input }, judge.token))).toBe('FORBIDDEN');
    }
    const changed = await must(t, w.admin.token, 'updateDrill', 'UpdateDrillInput', { drillId: drill.id, title: '电工练兵（修订）', attemptsAllowed: 3, counting: 'LAST', resultRelease: 'IMMEDIATELY', version: drill.version }, SELECT);
    expect(changed.drill).toMatchObject({ title: '电工练兵（修订）', attemptsAllowed: 3, counting: 'LAST', resultRelease: 'IMMEDIATELY', status: 'DRAFT' });
    const stale = await call(t, w.organizer.token, 'updateDrill', 'UpdateDrillInput', { drillId: drill.id, title: 'x', version: drill.version }, 'drill { id }');
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });

  it('changes a published drill before it opens, not once open; cancelled is final', async () => {
    const open = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput({ opensAt: hours(-1), closesAt: hours(3) }), 'drill { id phase }');
    expect(open.drill.phase).toBe('OPEN');
    await must(t, w.organizer.token, 'publishDrill', 'DrillIdInput', { drillId: open.drill.id }, 'drill { id }');
    const late = await call(t, w.organizer.token, 'updateDrill', 'UpdateDrillInput', { drillId: open.drill.id, title: '改' }, 'drill { id }');
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const again = await call(t, w.organizer.token, 'publishDrill', 'DrillIdInput', { drillId: open.drill.id }, 'drill { id }');
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

    const { drill } = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput(), 'drill { id }');
    await must(t, w.organizer.token, 'publishDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { id }');
    const moved = await must(t, w.organizer.token, 'updateDrill', 'UpdateDrillInput', { drillId: drill.id, timeLimitMinutes: 45, paperRule: { sections: [{ topic: '安全', count: 6 }], pointsByType: POINTS } }, SELECT);
    expect(moved.drill).toMatchObject({ status: 'PUBLISHED', timeLimitMinutes: 45, paperRule: { sections: [{ topic: '安全', count: 6 }] } });
    const cancelled = await must(t, w.organizer.token, 'cancelDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { status phase }');
    expect(cancelled.drill).toEqual({ status: 'CANCELLED', phase: 'CLOSED' });
    const twice = await call(t, w.organizer.token, 'cancelDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { id }');
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const edit = await call(t, w.organizer.token, 'updateDrill', 'UpdateDrillInput', { drillId: drill.id, title: '改' }, 'drill { id }');
    expect(edit.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('publishing re-checks the bank: a question retired since leaves a section short', async () => {
    const { drill } = await must(t, w.organizer.token, 'createDrill', 'CreateDrillInput', drillInput({ paperRule: { sections: [{ topic: '电路', count: 2 }], pointsByType: POINTS }, passMark: 1 }), 'drill { id }');
    const ids = ok(await t.gql(`{ questions(first: 10, filter: { topic: "电路", status: APPROVED }) { nodes { id } } }`, {}, w.organizer.token)).questions.nodes;
    await must(t, w.organizer.token, 'retireQuestion', 'QuestionIdInput', { questionId: ids[0].id }, 'question { id }');
    const refused = await call(t, w.organizer.token, 'publishDrill', 'DrillIdInput', { drillId: drill.id }, 'drill { status }');
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'paperRule', 'sections', '0'] })]);
    expect(ok(await t.gql(`query($id: ID!) { drill(id: $id) { status } }`, { id: drill.id }, w.organizer.token)).drill.status).toBe('DRAFT');
  });
});
