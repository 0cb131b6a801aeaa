import { Role } from '../../src/auth/role';
import { randomUUID } from 'node:crypto';
import { idOf, toGlobalId } from '../../src/common/relay';
import { drawRecheck } from '../../src/competitions/recheck/draw';
import { recheckBlocksSignOff } from '../../src/competitions/recheck/recheck-state';
import { withLocale } from '../../src/common/i18n';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { mutate, setupCompetition, type CompetitionFixture } from '../helpers/competition';

/*
 * Re-check sampling (复核, issue 12 §6) through the API: 8 entries, 3 judges on both default stages
 * (理论: one MEASUREMENT criterion; 实操: two JUDGEMENT criteria), so each entry holds 7 marks. Two
 * prize places: the sample is those 2 entries and ⌈15 % × 6⌉ = 1 of the others, 21 marks (3 理论, 18 实操).
 */
const DRAW = `mutation($input: DrawRecheckSampleInput!) { drawRecheckSample(input: $input) { sample { id seed } userErrors { code field message } } }`;
const CONFIRM = `mutation($input: ConfirmRecheckMarkInput!) { confirmRecheckMark(input: $input) { item { id status checkedAt checkedBy { id } } userErrors { code field message } } }`;
const CORRECT = `mutation($input: CorrectRecheckMarkInput!) { correctRecheckMark(input: $input) {
  item { id status currentValue recordedValue revision { oldValue newValue reason reasonKind } } userErrors { code field message } } }`;
const SAMPLE = `query($id: ID!) { competition(id: $id) { recheckSample {
  id seed sampleShare errorThreshold othersCount complete drawnBy { id } topEntries { id } drawnEntries { id }
  items(first: 100) { totalCount nodes { id full status recordedValue currentValue stage { id } entry { id } criterion { id } judge { id } } }
  stages { stage { id } sampledMarks checkedMarks correctedMarks errorRate fullRecheckRequired addedMarks pendingMarks complete }
} } }`;
const BOARD = `query($id: ID!) { competition(id: $id) { leaderboard { version rows { entryId rank total completeness } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;
const SIGN = `mutation($input: SignOffStageInput!) { signOffStage(input: $input) { signOff { id digest } userErrors { code field message } } }`;

interface Item { id: string; full: boolean; status: string; recordedValue: number; currentValue: number; stage: { id: string }; entry: { id: string }; criterion: { id: string } }

let t: TestServer;
let f: CompetitionFixture;
let arbitrator: Awaited<ReturnType<TestServer['user']>>;
beforeAll(async () => {
  t = await startTestServer();
  f = await setupCompetition(t, { entries: 8, judges: 3, prizeTiers: [{ prize: 'FIRST', count: 1 }, { prize: 'SECOND', count: 1 }] });
  // Entry i gets 50 + i on 理论 and 20 + i from every judge on 实操: entry 7 first, entry 0 last.
  for (const [i, e] of f.entries.entries()) {
    await mutate(t, f.judges[0]!.token, 'submitScore', 'SubmitScoreInput', { entryId: e.id, criterionId: f.stages[0]!.criteria[0]!.id, value: 50 + i }, 'revised');
    for (const j of f.judges) {
      for (const c of f.stages[1]!.criteria) await mutate(t, j.token, 'submitScore', 'SubmitScoreInput', { entryId: e.id, criterionId: c.id, value: 20 + i }, 'revised');
    }
  }
  arbitrator = await t.user([Role.JUDGE]);
  for (const userId of [arbitrator.globalId, f.judges[1]!.globalId]) {
    await mutate(t, f.organizer.token, 'appointOfficial', 'AppointOfficialInput', { competitionId: f.competitionId, userId, duty: 'ARBITRATOR', reason: '监督仲裁组' }, 'official { id }');
  }
}, 120_000);
afterAll(async () => t.close());

const draw = async (input: Record<string, unknown>, token: string | null = f.organizer.token) => t.gql(DRAW, { input }, token);
const sample = async (token: string | null = f.organizer.token) => ok(await t.gql(SAMPLE, { id: f.competitionId }, token)).competition.recheckSample;
const confirm = async (itemId: string, token = arbitrator.token) => t.gql(CONFIRM, { input: { itemId } }, token);
const correct = async (input: Record<string, unknown>, token = arbitrator.token) => t.gql(CORRECT, { input }, token);
/** The chief judge (judges[0]) signs a stage off. */
const signOff = async (stage: number) => ok(await t.gql(SIGN, { input: { stageId: f.stages[stage]!.id } }, f.judges[0]!.token)).signOffStage;

describe('re-check sampling (复核)', () => {
  it('settings: defaults 0.15 and 0.05; validated on create and update', async () => {
    const q = ok(await t.gql(`query($id: ID!) { competition(id: $id) { recheckSampleShare recheckErrorThreshold } }`, { id: f.competitionId })).competition;
    expect(q).toEqual({ recheckSampleShare: 0.15, recheckErrorThreshold: 0.05 });
    const draft = await setupCompetition(t, { entries: 0, judges: 0, until: 'DRAFT', organizer: f.organizer });
    const UPDATE = `mutation($input: UpdateCompetitionInput!) { updateCompetition(input: $input) { competition { recheckSampleShare recheckErrorThreshold } userErrors { code field message } } }`;
    const bad = ok(await t.gql(UPDATE, { input: { competitionId: draft.competitionId, recheckSampleShare: 0, recheckErrorThreshold: 0.12345 } }, f.organizer.token)).updateCompetition;
    expect(bad.userErrors.map((e: { field: string[] }) => e.field)).toEqual([['input', 'recheckSampleShare'], ['input', 'recheckErrorThreshold']]);
    expect(bad.userErrors[0].message).toBe('recheckSampleShare 须大于 0 且不超过 1');
    const good = ok(await t.gql(UPDATE, { input: { competitionId: draft.competitionId, recheckSampleShare: 0.2, recheckErrorThreshold: 0.1 } }, f.organizer.token)).updateCompetition;
    expect(good).toEqual({ competition: { recheckSampleShare: 0.2, recheckErrorThreshold: 0.1 }, userErrors: [] });
  });

  it('is drawn only once scoring is closed', async () => {
    const early = ok(await draw({ competitionId: f.competitionId, seed: 'x' })).drawRecheckSample;
    expect(early).toEqual({ sample: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE' })] });
    await mutate(t, f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId }, 'competition { status }');
    // 实操 signed off before the draw: the draw voids it (the stage is signed again once re-checked).
    expect((await signOff(1)).userErrors).toEqual([]);
    expect(ok(await t.gql(`query($id: ID!) { competition(id: $id) { recheckSample { id } } }`, { id: f.competitionId }, f.organizer.token)).competition.recheckSample).toBeNull();
  });

  it('is drawn by the competition’s organizer only', async () => {
    const input = { competitionId: f.competitionId, seed: 'recheck-seed' };
    expect(errorCode(await draw(input, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await draw(input, f.judges[0]!.token))).toBe('FORBIDDEN'); // the chief judge: the jury whose marks are checked
    expect(errorCode(await draw(input, arbitrator.token))).toBe('FORBIDDEN');
    expect(errorCode(await draw(input, (await t.user([Role.ORGANIZER])).token))).toBe('FORBIDDEN');
  });

  it('draws the prize places and ⌈15 %⌉ of the others, reproducibly from the recorded seed; one sample per competition', async () => {
    const drawn = ok(await draw({ competitionId: f.competitionId, seed: 'recheck-seed' })).drawRecheckSample;
    expect(drawn.userErrors).toEqual([]);
    const s = await sample();
    expect(s).toMatchObject({ id: drawn.sample.id, seed: 'recheck-seed', sampleShare: 0.15, errorThreshold: 0.05, othersCount: 6, complete: false, drawnBy: { id: f.organizer.globalId } });
    expect(s.topEntries.map((e: { id: string }) => e.id)).toEqual([f.entries[7]!.id, f.entries[6]!.id]);
    expect(s.drawnEntries).toHaveLength(1);
    const voided = await t.orm.em.fork().execute(`select invalidated_reason from stage_sign_off where stage_id = ?`, [idOf(f.stages[1]!.id, 'Stage')]);
    expect(voided).toEqual([{ invalidated_reason: '复核抽样 / Re-check sample drawn' }]);

    // Anyone with the board and the seed gets the same sample.
    const rows = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard.rows;
    const again = drawRecheck(
      rows.map((r: { entryId: string; rank: number | null; total: number; completeness: number }) => ({ entryId: idOf(r.entryId, 'Entry')!, rank: r.rank, total: r.total, marksReceived: r.completeness > 0 ? 1 : 0 })),
      [{ tier: 'FIRST', count: 1 }, { tier: 'SECOND', count: 1 }], 0.15, 'recheck-seed',
    );
    expect(s.drawnEntries.map((e: { id: string }) => idOf(e.id, 'Entry'))).toEqual(again.drawnEntryIds);

    expect(s.items.totalCount).toBe(21);
    expect(s.items.nodes.every((i: Item) => i.status === 'PENDING' && !i.full && i.recordedValue === i.currentValue)).toBe(true);
    expect(s.stages.map((g: { stage: { id: string }; sampledMarks: number }) => [g.stage.id, g.sampledMarks])).toEqual([[f.stages[0]!.id, 3], [f.stages[1]!.id, 18]]);

    const retry = ok(await draw({ competitionId: f.competitionId })).drawRecheckSample;
    expect(retry.sample.id).toBe(drawn.sample.id);
    const redraw = ok(await draw({ competitionId: f.competitionId, seed: 'another' })).drawRecheckSample;
    expect(redraw).toEqual({ sample: null, userErrors: [expect.objectContaining({ code: 'ALREADY_EXISTS', field: ['input', 'seed'] })] });
  });

  it('is read by the jury and the arbitrators only, through the field and node(); an arbitrator never sees items of a stage they judge', async () => {
    const s = await sample();
    expect((await sample(arbitrator.token)).id).toBe(s.id);
    expect((await sample(f.judges[0]!.token)).id).toBe(s.id); // the chief judge
    for (const token of [null, f.judges[2]!.token, (await t.user([Role.ORGANIZER])).token]) {
      expect(errorCode(await t.gql(SAMPLE, { id: f.competitionId }, token))).toBe('FORBIDDEN');
      expect(ok(await t.gql(NODE, { id: s.id }, token)).node).toBeNull();
      expect(ok(await t.gql(NODE, { id: s.items.nodes[0].id }, token)).node).toBeNull();
    }
    expect(ok(await t.gql(NODE, { id: s.items.nodes[0].id }, arbitrator.token)).node.id).toBe(s.items.nodes[0].id);
    // An arbitrator who marks both stages sees the sample, but no item of a stage they judge: which entry got which mark stays hidden.
    const marker = await sample(f.judges[1]!.token);
    expect(marker.id).toBe(s.id);
    expect(marker.items).toEqual({ totalCount: 0, nodes: [] });
    expect(ok(await t.gql(NODE, { id: s.items.nodes[0].id }, f.judges[1]!.token)).node).toBeNull();
  });

  it('lists items in a fixed number of statements, whatever the page size', async () => {
    const PAGE = `query($id: ID!, $n: Int!) { competition(id: $id) { recheckSample { items(first: $n) { nodes {
      id stage { id } entry { id displayName } criterion { id } judge { id displayName } currentValue checkedBy { id } revision { id } } } } } }`;
    const few = await t.countStatements(async () => ok(await t.gql(PAGE, { id: f.competitionId, n: 2 }, arbitrator.token)));
    const many = await t.countStatements(async () => ok(await t.gql(PAGE, { id: f.competitionId, n: 21 }, arbitrator.token)));
    expect(many).toBe(few);
  });

  it('pages items in listing order, and in reverse on request', async () => {
    const Q = `query($id: ID!, $after: String, $order: RecheckItemOrder) { competition(id: $id) { recheckSample {
      items(first: 4, after: $after, orderBy: $order) { nodes { id } pageInfo { endCursor } } } } }`;
    const all: string[] = (await sample()).items.nodes.map((i: Item) => i.id);
    const page = async (order: unknown, after?: string) => ok(await t.gql(Q, { id: f.competitionId, order, after }, f.organizer.token)).competition.recheckSample.items;
    const first = await page(null);
    const second = await page(null, first.pageInfo.endCursor);
    expect([...first.nodes, ...second.nodes].map((n: { id: string }) => n.id)).toEqual(all.slice(0, 8));
    const desc = await page({ field: 'POSITION', direction: 'DESC' });
    const descNext = await page({ field: 'POSITION', direction: 'DESC' }, desc.pageInfo.endCursor);
    expect([...desc.nodes, ...descNext.nodes].map((n: { id: string }) => n.id)).toEqual([...all].reverse().slice(0, 8));
  });

  it('is checked by arbitrators who are not markers of the stage', async () => {
    const item: Item = (await sample()).items.nodes[0];
    expect(errorCode(await confirm(item.id, f.judges[1]!.token))).toBe('FORBIDDEN'); // an arbitrator who marked the stage
    expect(errorCode(await confirm(item.id, f.organizer.token))).toBe('FORBIDDEN');
    expect(errorCode(await confirm(item.id, f.judges[0]!.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CONFIRM, { input: { itemId: item.id } }, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await correct({ itemId: item.id, value: 1, reason: '誊写错误' }, f.judges[1]!.token))).toBe('FORBIDDEN');
    expect((await sample()).items.nodes[0].status).toBe('PENDING');
  });

  it('refuses a bad correction and changes nothing', async () => {
    const s = await sample();
    const item: Item = s.items.nodes.find((i: Item) => i.stage.id === f.stages[1]!.id);
    const { version } = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard;
    for (const [input, field] of [
      [{ value: 51, reason: 'x' }, 'value'], // maxScore 50
      [{ value: 10.123, reason: 'x' }, 'value'],
      [{ value: item.recordedValue, reason: 'x' }, 'value'],
      [{ value: 1, reason: '  ' }, 'reason'],
    ] as const) {
      const res = ok(await correct({ itemId: item.id, ...input })).correctRecheckMark;
      expect(res).toEqual({ item: null, userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', field] })] });
    }
    const missing = ok(await correct({ itemId: toGlobalId('RecheckItem', randomUUID()), value: 1, reason: 'x' })).correctRecheckMark;
    expect(missing.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'itemId'] });
    const wrongType = ok(await correct({ itemId: s.id, value: 1, reason: 'x' })).correctRecheckMark;
    expect(wrongType.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'itemId'] });
    const after = await sample();
    expect(after.items.nodes.find((i: Item) => i.id === item.id)).toMatchObject({ status: 'PENDING', currentValue: item.recordedValue });
    expect(ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard.version).toBe(version);
  });

  it('confirms and corrects marks (a RECHECK revision, the result recomputed, the sign-off void); an error rate above 5 % re-checks the whole stage; signOffStage waits for the re-check', async () => {
    const s = await sample();
    const theory: Item[] = s.items.nodes.filter((i: Item) => i.stage.id === f.stages[0]!.id);
    const practical: Item[] = s.items.nodes.filter((i: Item) => i.stage.id === f.stages[1]!.id);
    const em = t.orm.em.fork();

    for (const i of practical) {
      const res = ok(await confirm(i.id)).confirmRecheckMark;
      expect(res.item).toMatchObject({ status: 'CONFIRMED', checkedBy: { id: arbitrator.globalId } });
    }
    expect(ok(await confirm(practical[0]!.id)).confirmRecheckMark.item.status).toBe('CONFIRMED'); // a retry
    expect(await recheckBlocksSignOff(em, idOf(f.stages[1]!.id, 'Stage')!)).toBeNull();
    expect(await recheckBlocksSignOff(em, idOf(f.stages[0]!.id, 'Stage')!)).toMatch(/复核抽样尚有 3 项未复核/);
    expect(await withLocale('en', () => recheckBlocksSignOff(em, idOf(f.stages[0]!.id, 'Stage')!))).toMatch(/3 marks not yet checked/);
    const refused = await signOff(0);
    expect(refused).toEqual({ signOff: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'stageId'] })] });
    expect(refused.userErrors[0].message).toMatch(/复核抽样尚有 3 项未复核/);
    expect((await signOff(1)).userErrors).toEqual([]); // 实操: its sample is all confirmed

    // A sign-off of 理论 that got past the gate (recorded directly): the correction must void it.
    await em.execute(`insert into stage_sign_off (id, competition_id, stage_id, signed_by_id, signed_at, digest) values (gen_random_uuid(), ?, ?, ?, now(), repeat('a', 64))`,
      [idOf(f.competitionId, 'Competition'), idOf(f.stages[0]!.id, 'Stage'), f.judges[0]!.id]);

    const before = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard;
    const target = theory[0]!;
    const fixed = ok(await correct({ itemId: target.id, value: target.recordedValue - 10, reason: '誊写错误：分数抄错' })).correctRecheckMark;
    expect(fixed.userErrors).toEqual([]);
    expect(fixed.item).toMatchObject({
      status: 'CORRECTED', recordedValue: target.recordedValue, currentValue: target.recordedValue - 10,
      revision: { oldValue: target.recordedValue, newValue: target.recordedValue - 10, reason: '誊写错误：分数抄错', reasonKind: 'RECHECK' },
    });
    const after = ok(await t.gql(BOARD, { id: f.competitionId }, f.organizer.token)).competition.leaderboard;
    expect(after.version).toBeGreaterThan(before.version);
    const totalOf = (b: typeof after, entryId: string) => b.rows.find((r: { entryId: string }) => r.entryId === entryId).total;
    expect(totalOf(after, target.entry.id)).toBeCloseTo(totalOf(before, target.entry.id) - 3, 2); // 10 points × 30 % weight
    const [{ valid }] = await em.execute(`select count(*)::int as valid from stage_sign_off where stage_id = ? and invalidated_at is null`, [idOf(f.stages[0]!.id, 'Stage')]);
    expect(valid).toBe(0);
    expect(ok(await confirm(target.id)).confirmRecheckMark.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

    // 1 of 2 checked: no decision yet.
    expect((await sample()).stages[0]).toMatchObject({ sampledMarks: 3, checkedMarks: 1, correctedMarks: 1, errorRate: 1, fullRecheckRequired: false, addedMarks: 0 });
    await confirm(theory[1]!.id);
    await confirm(theory[2]!.id);
    // 1 of 3 changed (0.3333 > 0.05): every other 理论 mark of the 5 other active entries is added.
    const full = await sample();
    expect(full.stages).toEqual([
      { stage: { id: f.stages[0]!.id }, sampledMarks: 3, checkedMarks: 3, correctedMarks: 1, errorRate: 0.3333, fullRecheckRequired: true, addedMarks: 5, pendingMarks: 5, complete: false },
      { stage: { id: f.stages[1]!.id }, sampledMarks: 18, checkedMarks: 18, correctedMarks: 0, errorRate: 0, fullRecheckRequired: false, addedMarks: 0, pendingMarks: 0, complete: true },
    ]);
    const added: Item[] = full.items.nodes.filter((i: Item) => i.full);
    expect(added.map((i) => i.stage.id)).toEqual(Array(5).fill(f.stages[0]!.id));
    expect(new Set(added.map((i) => i.entry.id)).size).toBe(5);
    expect(await recheckBlocksSignOff(em, idOf(f.stages[0]!.id, 'Stage')!)).toMatch(/全面复核.*5 项/);
    expect(await withLocale('en', () => recheckBlocksSignOff(em, idOf(f.stages[0]!.id, 'Stage')!))).toMatch(/full re-check has 5 marks left/);
    expect((await signOff(0)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringMatching(/须全面复核，尚有 5 项未复核/) })]);

    for (const i of added) await confirm(i.id);
    const done = await sample();
    expect(done.complete).toBe(true);
    expect(done.stages[0]).toMatchObject({ errorRate: 0.3333, fullRecheckRequired: true, addedMarks: 5, pendingMarks: 0, complete: true });
    expect(await recheckBlocksSignOff(em, idOf(f.stages[0]!.id, 'Stage')!)).toBeNull();
    const signed = await signOff(0);
    expect(signed.userErrors).toEqual([]);
    expect(signed.signOff.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes no check once the competition has moved on', async () => {
    await mutate(t, f.organizer.token, 'reopenScoring', 'CompetitionTransitionInput', { competitionId: f.competitionId, reason: '补录' }, 'competition { status }');
    const item: Item = (await sample()).items.nodes[1];
    const res = ok(await correct({ itemId: item.id, value: 1, reason: 'x' })).correctRecheckMark;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });
});
