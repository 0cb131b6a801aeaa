import { Role } from '../../src/auth/role';
import { parseGlobalId, toGlobalId } from '../../src/common/relay';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { acceptMissingMarks, mutate, setupCompetition } from '../helpers/competition';
import {
  anonymousWorld, codeMap, issue, ISSUE, markingList, signOff, submit, type AnonWorld, type CodeRow,
} from './anonymous-setup';

/**
 * Issue 12 §1, anonymous marking (加密评分): the encryption officer's codes, judges marking by
 * marking ID, the code map hidden until sign-off, the public board holding an anonymous stage back
 * while it is marked. The leak walk is test/competitions/anonymous-leaks.test.ts.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/;

describe('Stage.anonymous is set with the scheme', () => {
  it('addStage and updateStage set it in DRAFT; once the competition has moved on it cannot change', async () => {
    const f = await setupCompetition(t, { until: 'DRAFT', judges: 0, entries: 0 });
    const STAGE = `query($id: ID!) { node(id: $id) { ... on Stage { anonymous } } }`;
    const added = await mutate(t, f.organizer.token, 'addStage', 'AddStageInput', { competitionId: f.competitionId, name: '笔试', weight: 10, anonymous: true }, 'stage { id anonymous }');
    expect(added.stage.anonymous).toBe(true);
    expect(ok(await t.gql(STAGE, { id: f.stages[0]!.id })).node.anonymous).toBe(false);
    await mutate(t, f.organizer.token, 'updateStage', 'UpdateStageInput', { stageId: f.stages[0]!.id, anonymous: true }, 'stage { id }');
    expect(ok(await t.gql(STAGE, { id: f.stages[0]!.id })).node.anonymous).toBe(true);

    const started = await setupCompetition(t, { entries: 2, judges: 1 });
    const res = ok(await t.gql(`mutation($input: UpdateStageInput!) { updateStage(input: $input) { stage { id } userErrors { code } } }`,
      { input: { stageId: started.stages[0]!.id, anonymous: true } }, started.organizer.token)).updateStage;
    expect(res).toEqual({ stage: null, userErrors: [{ code: 'INVALID_STATE' }] });
    expect(ok(await t.gql(STAGE, { id: started.stages[0]!.id })).node.anonymous).toBe(false);
  });
});

describe('issueMarkingCodes (发放加密号)', () => {
  let w: AnonWorld;
  beforeAll(async () => {
    w = await anonymousWorld(t);
  });

  it('is refused to the organizer, an ADMIN, the chief judge, a judge, another competition’s officer and the public; nothing is issued', async () => {
    const other = await anonymousWorld(t);
    const admin = await t.user([Role.ADMIN]);
    for (const [who, token] of [
      ['organizer', w.f.organizer.token], ['admin', admin.token], ['chief', w.f.judges[0]!.token], ['judge', w.f.judges[1]!.token], ['other officer', other.officer.token],
    ] as const) {
      expect([who, errorCode(await t.gql(ISSUE, { input: { stageId: w.paper } }, token))]).toEqual([who, 'FORBIDDEN']);
    }
    expect(errorCode(await t.gql(ISSUE, { input: { stageId: w.paper } }, null))).toBe('UNAUTHENTICATED');
    expect((await codeMap(t, w.paper, w.officer.token))!.totalCount).toBe(0);
  });

  it('refuses an open stage and a competition before the draw, naming the problem', async () => {
    const open = ok(await t.gql(ISSUE, { input: { stageId: w.practical } }, w.officer.token)).issueMarkingCodes;
    expect(open.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'stageId'] })]);
    expect(open.userErrors[0].message).toMatch(/赛段“实操”不是加密评分赛段/);
    const inEnglish = ok(await t.gql(ISSUE, { input: { stageId: w.practical } }, w.officer.token, { locale: 'en' })).issueMarkingCodes;
    expect(inEnglish.userErrors[0].message).toBe('Stage “实操” is not marked anonymously: it needs no marking codes');

    const draft = await anonymousWorld(t, { until: 'REGISTRATION_OPEN' });
    const early = await issue(t, draft);
    expect(early.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect((await codeMap(t, draft.paper, draft.officer.token))!.totalCount).toBe(0);
  });

  it('gives every active entry a random unambiguous code and an opaque marking ID; issuing again keeps them', async () => {
    const first = await issue(t, w);
    expect(first).toMatchObject({ issuedCount: 3, totalCount: 3, userErrors: [] });
    const map = (await codeMap(t, w.paper, w.officer.token))!;
    expect(map.totalCount).toBe(3);
    const entryIds = w.f.entries.map((e) => e.id);
    expect(map.nodes.map((n) => n.entry.id).sort()).toEqual([...entryIds].sort());
    expect(new Set(map.nodes.map((n) => n.code)).size).toBe(3);
    for (const n of map.nodes) {
      expect(n.code).toMatch(CODE);
      expect(entryIds).not.toContain(n.markingId);
      expect(parseGlobalId(n.markingId)!.id).not.toBe(parseGlobalId(n.entry.id)!.id); // its own random uuid, not the entry’s
      expect(n.startNumber).toBe(w.f.entries.find((e) => e.id === n.entry.id)!.startNumber);
      expect(ok(await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: n.markingId }, w.officer.token)).node).toBeNull();
    }
    expect(map.nodes.map((n) => n.code)).toEqual([...map.nodes.map((n) => n.code)].sort()); // by code
    // One issue, one time: ordered by ISSUED_AT, a judge's list falls back on the random marking IDs, not the order entries were read in.
    expect(new Set(map.nodes.map((n) => (n as CodeRow & { issuedAt: string }).issuedAt)).size).toBe(1);

    const again = await issue(t, w);
    expect(again).toMatchObject({ issuedCount: 0, totalCount: 3, userErrors: [] });
    expect((await codeMap(t, w.paper, w.officer.token))!.nodes).toEqual(map.nodes);
  });
});

describe('judges mark an anonymous stage by marking ID', () => {
  let w: AnonWorld;
  let map: CodeRow[];
  beforeAll(async () => {
    w = await anonymousWorld(t);
  });

  it('refuses marks on the stage before the codes, naming the stage; the open stage is marked as before', async () => {
    const judge = w.f.judges[1]!;
    const byEntry = await submit(t, judge.token, { entryId: w.f.entries[1]!.id, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 80 });
    expect(byEntry.score).toBeNull();
    expect(byEntry.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'entryId'] })]);
    expect(byEntry.userErrors[0].message).toMatch(/赛段“理论试卷”为加密评分，请按评分列表上的加密号评分/);
    expect((await markingList(t, w.paper, judge.token)).totalCount).toBe(0);
    const open = await submit(t, judge.token, { entryId: w.f.entries[1]!.id, criterionId: w.f.stages[1]!.criteria[0]!.id, value: 40 });
    expect(open.userErrors).toEqual([]);
    expect(open.score.entry.id).toBe(w.f.entries[1]!.id);

    await issue(t, w);
    map = (await codeMap(t, w.paper, w.officer.token))!.nodes;
  });

  it('lists a judge’s codes by code, without any entry; a mark by marking ID comes back without its entry and completes the slip', async () => {
    const judge = w.f.judges[1]!;
    const list = await markingList(t, w.paper, judge.token);
    expect(list.totalCount).toBe(3);
    expect(list.nodes.map((n: { code: string }) => n.code)).toEqual(map.map((m) => m.code));
    expect(list.nodes.every((n: { complete: boolean; marks: unknown[] }) => !n.complete && n.marks.length === 0)).toBe(true);
    const slip = list.nodes[0];
    const marked = await submit(t, judge.token, { markingId: slip.markingId, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 77.5 });
    expect(marked.userErrors).toEqual([]);
    expect(marked.score).toEqual({ id: expect.any(String), value: 77.5, markingId: slip.markingId, markingCode: slip.code, entry: null });
    const after = (await markingList(t, w.paper, judge.token)).nodes[0];
    expect(after).toEqual({ ...slip, complete: true, marks: [{ id: marked.score.id, value: 77.5, markingCode: slip.code, entry: null }] });

    // The jury sees the mark by entry (never by code): the one the officer’s map names.
    const SCORE = `query($id: ID!) { node(id: $id) { ... on Score { entry { id } markingCode markingId } } }`;
    const entryOfSlip = map.find((m) => m.code === slip.code)!.entry.id;
    expect(ok(await t.gql(SCORE, { id: marked.score.id }, w.f.organizer.token)).node).toEqual({ entry: { id: entryOfSlip }, markingCode: null, markingId: null });
    expect(ok(await t.gql(SCORE, { id: marked.score.id }, w.f.judges[0]!.token)).node).toEqual({ entry: { id: entryOfSlip }, markingCode: null, markingId: null });
    // Another judge of the stage: not before marking that paper themself (independent marking), then neither by entry nor by code.
    const colleague = w.f.judges[2]!;
    expect(ok(await t.gql(SCORE, { id: marked.score.id }, colleague.token)).node).toBeNull();
    const theirs = await submit(t, colleague.token, { markingId: slip.markingId, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 70 });
    expect(theirs.userErrors).toEqual([]);
    expect(ok(await t.gql(SCORE, { id: marked.score.id }, colleague.token)).node).toEqual({ entry: null, markingCode: null, markingId: null });
  });

  it('refuses an entryId on the anonymous stage and a marking ID on a criterion of another stage; nothing is recorded', async () => {
    const judge = w.f.judges[2]!;
    const byEntry = await submit(t, judge.token, { entryId: w.f.entries[1]!.id, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 60 });
    expect(byEntry.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'entryId'] })]);
    const slip = (await markingList(t, w.paper, judge.token)).nodes[1];
    const crossed = await submit(t, judge.token, { markingId: slip.markingId, criterionId: w.f.stages[1]!.criteria[0]!.id, value: 30 });
    expect(crossed.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'markingId'] })]);
    const both = await submit(t, judge.token, { entryId: w.f.entries[1]!.id, markingId: slip.markingId, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 30 });
    expect(both.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'markingId'] })]);
    expect((await markingList(t, w.paper, judge.token)).nodes.map((n: { marks: unknown[] }) => n.marks.length)).toEqual([1, 0, 0]); // the paper marked above only
    const log = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { scoreLog(first: 50) { totalCount } } } }`, { id: w.f.competitionId }, w.f.organizer.token));
    expect(log.node.scoreLog.totalCount).toBe(3); // the open-stage mark and the two paper marks above
  });

  it('leaves a conflicted entry off the judge’s list and answers its marking ID as an unknown one', async () => {
    const ownCode = map.find((m) => m.entry.id === w.f.entries[0]!.id)!;
    const list = await markingList(t, w.paper, w.conflicted.token);
    expect(list.totalCount).toBe(2);
    expect(list.nodes.map((n: { code: string }) => n.code)).not.toContain(ownCode.code);
    const criterionId = w.f.stages[0]!.criteria[0]!.id;
    const other = await anonymousWorld(t);
    await issue(t, other);
    const foreign = (await codeMap(t, other.paper, other.officer.token))!.nodes[0]!.markingId;
    const answers = [];
    for (const markingId of [ownCode.markingId, toGlobalId('Marking', '7b0c2b9e-4a57-4c39-9a1e-3f1f0f6b2c11'), foreign, w.f.entries[0]!.id, 'garbage']) {
      answers.push((await submit(t, w.conflicted.token, { markingId, criterionId, value: 90 })).userErrors);
    }
    expect(answers[0]).toEqual([{ code: 'NOT_FOUND', field: ['input', 'markingId'], message: expect.stringMatching(/评分列表中没有该评分编号/) }]);
    for (const a of answers) expect(a).toEqual(answers[0]);
    // Every other code is theirs to mark.
    expect((await submit(t, w.conflicted.token, { markingId: list.nodes[0].markingId, criterionId, value: 88 })).userErrors).toEqual([]);
  });

  it('answers a retry by marking ID with the first outcome', async () => {
    const judge = w.f.judges[2]!;
    const slip = (await markingList(t, w.paper, judge.token)).nodes[2];
    const RETRY = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { score { id } replayed userErrors { code } } }`;
    const input = { markingId: slip.markingId, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 66, idempotencyKey: `retry-${slip.code}` };
    const first = ok(await t.gql(RETRY, { input }, judge.token)).submitScore;
    const again = ok(await t.gql(RETRY, { input }, judge.token)).submitScore;
    expect(first).toMatchObject({ replayed: false, userErrors: [] });
    expect(again).toEqual({ ...first, replayed: true });
    const other = ok(await t.gql(RETRY, { input: { ...input, value: 67 } }, judge.token)).submitScore;
    expect(other.userErrors).toEqual([{ code: 'INVALID_INPUT' }]); // the key was used for another request
  });

  it('gives the chief judge no marking list (they see every mark by entry); their marking IDs are unknown to them', async () => {
    const chief = w.f.judges[0]!;
    expect(await markingList(t, w.paper, chief.token)).toBeNull();
    const res = await submit(t, chief.token, { markingId: map[1]!.markingId, criterionId: w.f.stages[0]!.criteria[0]!.id, value: 50 });
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'markingId'] })]);
    // Nobody off the stage’s panel has a list either: the organizer, the officer, the public.
    for (const token of [w.f.organizer.token, w.officer.token]) expect(await markingList(t, w.paper, token)).toBeNull();
    expect(ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Stage { myMarkingList { totalCount } } } }`, { id: w.paper }, null)).node.myMarkingList).toBeNull();
  });
});

describe('the code map (加密号对照)', () => {
  it('is the officer’s alone until the stage is signed off; then the jury reads it too, judges never', async () => {
    const w = await anonymousWorld(t);
    await issue(t, w);
    const admin = await t.user([Role.ADMIN]);
    const otherOfficer = (await anonymousWorld(t)).officer;
    expect((await codeMap(t, w.paper, w.officer.token))!.totalCount).toBe(3);
    const readers = { organizer: w.f.organizer.token, admin: admin.token, chief: w.f.judges[0]!.token, judge: w.f.judges[1]!.token, otherOfficer: otherOfficer.token, public: null };
    const read = async () => Object.fromEntries(await Promise.all(Object.entries(readers).map(async ([k, tok]) => [k, (await codeMap(t, w.paper, tok))?.totalCount ?? null])));
    expect(await read()).toEqual({ organizer: null, admin: null, chief: null, judge: null, otherOfficer: null, public: null });
    await signOff(t, w, w.paper); // scoring closed, then the chief judge signs the paper stage off

    expect(await read()).toEqual({ organizer: 3, admin: 3, chief: 3, judge: null, otherOfficer: null, public: null });
    // An open stage has no map at all.
    expect(await codeMap(t, w.practical, w.officer.token)).toBeNull();
  });
});

describe('the public board holds an anonymous stage back while it is marked', () => {
  const BOARD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { frozen sealedStageIds rows(first: 1000) { nodes { entryId rank total completeness stageTotals { stageId score } } } } } } }`;
  const board = async (w: AnonWorld, token: string | null) => ok(await t.gql(BOARD, { id: w.f.competitionId }, token)).node.leaderboard;

  it('public and judges: the stage’s scores null, totals and ranks from the open stage; the jury: everything; after scoring closes: everyone', async () => {
    const w = await anonymousWorld(t);
    await issue(t, w);
    const judge = w.f.judges[1]!;
    const paper = w.f.stages[0]!.criteria[0]!.id;
    const practical = w.f.stages[1]!.criteria[0]!.id;
    // Entry 1 is strong on paper, entry 2 at the station: the two boards rank them differently.
    const map = (await codeMap(t, w.paper, w.officer.token))!.nodes;
    const slipOf = (entry: number) => map.find((m) => m.entry.id === w.f.entries[entry]!.id)!.markingId;
    expect((await submit(t, judge.token, { markingId: slipOf(1), criterionId: paper, value: 100 })).userErrors).toEqual([]);
    // Entry 2's practical from the whole panel: the public board shows an open stage's score once the entry's marks in it are all in.
    for (const token of [...w.f.judges.map((j) => j.token), w.conflicted.token]) {
      expect((await submit(t, token, { entryId: w.f.entries[2]!.id, criterionId: practical, value: 10 })).userErrors).toEqual([]);
    }

    const publicBoard = await board(w, null);
    expect(publicBoard.sealedStageIds).toEqual([w.paper]);
    const row = (b: typeof publicBoard, entry: number) => b.rows.nodes.find((r: { entryId: string }) => r.entryId === w.f.entries[entry]!.id);
    // Entry 1's practical is unmarked: held back too (评分中), not shown as 0; with no score shown it has no rank (issue 13).
    expect(row(publicBoard, 1)).toMatchObject({ rank: null, total: 0, completeness: null, stageTotals: [{ stageId: w.paper, score: null }, { stageId: w.practical, score: null }] });
    expect(row(publicBoard, 2)).toMatchObject({ rank: 1, total: 12, stageTotals: [{ score: null }, { score: 20 }] });
    expect(await board(w, judge.token)).toEqual(publicBoard);
    // Standardised scores follow the totals and ranks shown.
    const STD = `query($id: ID!) { node(id: $id) { ... on Competition { leaderboard { rows(first: 1000) { nodes { entryId standardisedScore } } } } } }`;
    const std = async (token: string | null) => Object.fromEntries(ok(await t.gql(STD, { id: w.f.competitionId }, token)).node.leaderboard.rows.nodes
      .map((r: { entryId: string; standardisedScore: number }) => [r.entryId, r.standardisedScore]));
    // Only entry 2 shows a score there, so only it is ranked: fewer than three ranked rows, no standardised scores.
    expect(await std(null)).toEqual({ [w.f.entries[2]!.id]: null, [w.f.entries[1]!.id]: null, [w.f.entries[0]!.id]: null });
    // On the jury’s board entries 1 (40) and 2 (12) are ranked, entry 0 has no mark yet: still fewer than three.
    expect(Object.values(await std(w.f.organizer.token))).toEqual([null, null, null]);

    const jury = await board(w, w.f.organizer.token);
    expect(jury.sealedStageIds).toEqual([]);
    expect(row(jury, 1)).toMatchObject({ rank: 1, total: 40, stageTotals: [{ score: 100 }, { score: 0 }] });
    expect(row(jury, 1).completeness).toEqual(expect.any(Number));
    expect(await board(w, w.f.judges[0]!.token)).toMatchObject({ sealedStageIds: [] }); // the chief judge

    // A freeze keeps the public snapshot as sealed as the public board was.
    await mutate(t, w.f.organizer.token, 'freezeLeaderboard', 'CompetitionTransitionInput', { competitionId: w.f.competitionId }, 'competition { id }');
    const frozen = await board(w, null);
    expect(frozen).toMatchObject({ frozen: true, sealedStageIds: [w.paper] });
    expect(row(frozen, 1)).toMatchObject({ total: 0, stageTotals: [{ score: null }, { score: null }] });

    await mutate(t, w.f.organizer.token, 'unfreezeLeaderboard', 'CompetitionTransitionInput', { competitionId: w.f.competitionId }, 'competition { id }');
    await acceptMissingMarks(t, w.f); // marks are missing on purpose (issue 12 §3)
    await mutate(t, w.f.organizer.token, 'closeScoring', 'CompetitionTransitionInput', { competitionId: w.f.competitionId }, 'competition { id }');
    const closed = await board(w, null);
    expect(closed.sealedStageIds).toEqual([]);
    expect(row(closed, 1)).toMatchObject({ rank: 1, total: 40, stageTotals: [{ score: 100 }, { score: 0 }] });
  });
});
