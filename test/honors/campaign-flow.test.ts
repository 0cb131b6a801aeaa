import { Role } from '../../src/auth/role';
import { createWorker } from '../helpers/registry';
import { ok, startTestServer, type TestServer } from '../helpers/server';
import { isWorkingDay, EMPTY_CALENDAR } from '../../src/honors/working-days';
import { call, CAMPAIGN, clearAll, daysFromToday, endNotices, honorWorld, must, nominate, openCampaign, scoreAll, today, type HonorWorld } from './fixture';

/*
 * Issue 15 §1, done when: one campaign from opening to conferral, with a quota, a front-line share that
 * changes the result, an objection upheld (the next front-line nominee moves up with a notice period of
 * their own) and one dismissed; conferral refused while a notice runs or an objection is open.
 */
let t: TestServer;
let w: HonorWorld;
beforeAll(async () => {
  t = await startTestServer();
  w = await honorWorld(t);
  // The notice starts on the first working day on or after today; make today one when the suite runs at a weekend.
  if (!isWorkingDay(today(), EMPTY_CALENDAR)) await must(t, w.admin.token, 'setCalendarDay', 'SetCalendarDayInput', { date: today(), kind: 'WORKDAY', name: '测试调休' }, 'day { date }');
}, 60_000);
afterAll(() => t.close());

const NOMINATIONS = `query($id: ID!) { honorCampaign(id: $id) { status nominations(first: 20, orderBy: { field: SCORE, direction: DESC }) {
  nodes { id workerName status score frontLine noticeStartsOn noticeEndsOn } } } }`;
const OBJECTIONS = `query($id: ID!) { honorCampaign(id: $id) { objections(first: 10) { nodes { id status grounds resolution lodgedBy { id } viewerLodged } } } }`;

it('runs a campaign from opening to conferral', async () => {
  const [a, b, c] = [w.enterprises[0]!, w.enterprises[1]!, w.enterprises[2]!];
  // Two of A's (not front-line, scored highest), two of B's (front-line), one of C's.
  const a1 = await createWorker(t, w.admin.token, a.id, { name: '甲一', tradeStartYear: 2010 });
  const a2 = await createWorker(t, w.admin.token, a.id, { name: '甲二', tradeStartYear: 2010 });
  const b1 = await createWorker(t, w.admin.token, b.id, { name: '乙一', frontLine: true, tradeStartYear: 2010 });
  const b2 = await createWorker(t, w.admin.token, b.id, { name: '乙二', frontLine: true, tradeStartYear: 2010 });
  const c1 = await createWorker(t, w.admin.token, c.id, { name: '丙一', tradeStartYear: 2010 });
  const campaignId = await openCampaign(t, w, { quota: 2, frontLineSharePercent: 50 });

  const n: Record<string, string> = {};
  for (const [key, worker, nominator] of [['a1', a1, 0], ['a2', a2, 0], ['b1', b1, 1], ['b2', b2, 1], ['c1', c1, 2]] as const) {
    const res = await nominate(t, w.nominators[nominator]!.token, campaignId, worker.id);
    expect(res.userErrors).toEqual([]);
    n[key] = res.nomination.id;
  }
  // Nothing is public before the notice.
  expect(ok(await t.gql(NOMINATIONS, { id: campaignId })).honorCampaign.nominations.nodes).toEqual([]);

  await must(t, w.organizer.token, 'closeNominations', 'HonorCampaignInput', { campaignId }, 'campaign { status }');
  const totals = { a1: 95, a2: 90, b1: 70, b2: 60, c1: 85 };
  const enterpriseOf = { a1: 0, a2: 0, b1: 1, b2: 1, c1: 2 } as const;
  for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
    await scoreAll(t, w, n[key]!, enterpriseOf[key], totals[key]);
    await clearAll(t, w.organizer.token, n[key]!);
  }
  const published = await must(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, CAMPAIGN);
  expect(published.campaign).toMatchObject({ status: 'IN_NOTICE', frontLinePlaces: 1, counts: { nominations: 5, shortlisted: 2 } });

  // By score alone 甲一 and 甲二 would go; the front-line place goes to 乙一.
  const board = ok(await t.gql(NOMINATIONS, { id: campaignId })).honorCampaign.nominations.nodes;
  expect(board.map((x: any) => [x.workerName, x.status, x.score])).toEqual([['甲一', 'SHORTLISTED', 95], ['乙一', 'SHORTLISTED', 70]]);
  expect(board[0].noticeStartsOn).toBe(today());
  const staffView = ok(await t.gql(NOMINATIONS, { id: campaignId }, w.organizer.token)).honorCampaign.nominations.nodes;
  expect(staffView.map((x: any) => [x.workerName, x.status])).toEqual([['甲一', 'SHORTLISTED'], ['甲二', 'NOMINATED'], ['丙一', 'NOMINATED'], ['乙一', 'SHORTLISTED'], ['乙二', 'NOMINATED']]);

  // Two objections from two users with no part in the campaign: one against 乙一 (upheld), one against 甲一 (dismissed).
  const citizen1 = await t.user([Role.JUDGE]);
  const citizen2 = await t.user([Role.STUDIO_MANAGER]);
  const o1 = await must(t, citizen1.token, 'lodgeObjection', 'LodgeObjectionInput', { nominationId: n.b1, grounds: '其获奖材料与事实不符。' }, 'objection { id status }');
  const o2 = await must(t, citizen2.token, 'lodgeObjection', 'LodgeObjectionInput', { nominationId: n.a1, grounds: '曾有安全违规记录。' }, 'objection { id status }');
  // Only the organizer sees who lodged them; an ADMIN does not.
  const seen = ok(await t.gql(OBJECTIONS, { id: campaignId }, w.organizer.token)).honorCampaign.objections.nodes;
  expect(seen.map((x: any) => x.lodgedBy.id)).toEqual([citizen1.globalId, citizen2.globalId]);
  const adminSeen = ok(await t.gql(OBJECTIONS, { id: campaignId }, w.admin.token)).honorCampaign.objections.nodes;
  expect(adminSeen.map((x: any) => x.lodgedBy)).toEqual([null, null]);
  expect(ok(await t.gql(OBJECTIONS, { id: campaignId }, citizen1.token)).honorCampaign.objections).toBeNull();

  // Conferral waits for open objections (the notice is over here, so the objections are what stops it).
  await endNotices(t, campaignId);
  const early = await call(t, w.organizer.token, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId, documentNumber: '港政字〔2026〕8号' }, 'campaign { status }');
  expect(early.userErrors).toEqual([{ code: 'INVALID_STATE', field: null, message: '尚有 2 项异议未处理' }]);

  const upheld = await must(t, w.organizer.token, 'resolveObjection', 'ResolveObjectionInput', { objectionId: o1.objection.id, uphold: true, reason: '经核实，材料不实。' }, 'objection { status resolution } movedUp { workerName status noticeStartsOn noticeEndsOn }');
  expect(upheld.objection).toEqual({ status: 'UPHELD', resolution: '经核实，材料不实。' });
  // The next front-line nominee moves up (乙二, 60), not the better-scored 甲二 (90): the front-line place stays front-line.
  expect(upheld.movedUp).toEqual([expect.objectContaining({ workerName: '乙二', status: 'SHORTLISTED', noticeStartsOn: today() })]);
  expect(upheld.movedUp[0].noticeEndsOn > today()).toBe(true);
  const dismissed = await must(t, w.organizer.token, 'resolveObjection', 'ResolveObjectionInput', { objectionId: o2.objection.id, uphold: false, reason: '经查无此记录。' }, 'objection { status resolution } movedUp { id }');
  expect(dismissed).toMatchObject({ objection: { status: 'DISMISSED', resolution: '经查无此记录。' }, movedUp: [] });

  // 乙二's own notice period runs: conferral is refused until it ends.
  const running = await call(t, w.organizer.token, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId, documentNumber: '港政字〔2026〕8号' }, 'campaign { status }');
  expect(running.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('1 名人选仍在公示期内') })]);
  await endNotices(t, campaignId);
  const done = await must(t, w.organizer.token, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId, documentNumber: '港政字〔2026〕8号' }, CAMPAIGN.replace('campaign {', 'campaign { documentNumber'));
  expect(done.campaign).toMatchObject({ status: 'CONFERRED', documentNumber: '港政字〔2026〕8号', counts: { nominations: 5, shortlisted: 0, removed: 1, openObjections: 0, concluded: 2 } });

  const list = ok(await t.gql(`query($c: ID!) { conferredHonors(first: 10, filter: { campaignId: $c }) { totalCount nodes { id workerName kind level documentNumber campaign { id } } } }`, { c: campaignId })).conferredHonors;
  expect(list.nodes.map((x: any) => x.workerName).sort()).toEqual(['乙二', '甲一']);
  expect(list.nodes[0]).toMatchObject({ kind: 'CRAFTSMAN', level: 'CITY', documentNumber: '港政字〔2026〕8号', campaign: { id: campaignId } });
  const final = ok(await t.gql(NOMINATIONS, { id: campaignId }, w.organizer.token)).honorCampaign.nominations.nodes;
  expect(final.map((x: any) => [x.workerName, x.status])).toEqual([['甲一', 'CONFERRED'], ['甲二', 'NOT_SELECTED'], ['丙一', 'NOT_SELECTED'], ['乙一', 'REMOVED'], ['乙二', 'CONFERRED']]);

  // The efficacy report's section: by kind, with the front-line share (one of the two is front-line).
  const REPORT = `query($f: EfficacyFilter!) { efficacyReport(filter: $f) { honorConferrals { byKind { kind conferred frontLine frontLineShare recommended } totals { conferred frontLineShare } } } }`;
  const year = Number(today().slice(0, 4));
  const report = ok(await t.gql(REPORT, { f: { year } }, w.organizer.token)).efficacyReport.honorConferrals;
  expect(report).toEqual({ byKind: [{ kind: 'CRAFTSMAN', conferred: 2, frontLine: 1, frontLineShare: 0.5, recommended: 0 }], totals: { conferred: 2, frontLineShare: 0.5 } });
  expect(ok(await t.gql(REPORT, { f: { year, ownership: 'STATE_OWNED' } }, w.organizer.token)).efficacyReport.honorConferrals.byKind).toEqual([]);

  // Revocation keeps the honor on record and takes it off the public list; a second revocation is refused.
  const honorId = list.nodes.find((x: any) => x.workerName === '甲一').id;
  const revoked = await must(t, w.admin.token, 'revokeHonor', 'RevokeHonorInput', { honorId, reason: '事后查实弄虚作假。' }, 'honor { id revokedAt revocationReason sourceCampaign { id } }');
  expect(revoked.honor).toMatchObject({ id: honorId, revocationReason: '事后查实弄虚作假。', sourceCampaign: { id: campaignId } });
  const again = await call(t, w.admin.token, 'revokeHonor', 'RevokeHonorInput', { honorId, reason: '再次撤销' }, 'honor { id }');
  expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  const after = ok(await t.gql(`query($c: ID!) { conferredHonors(first: 10, filter: { campaignId: $c }) { nodes { workerName } } }`, { c: campaignId })).conferredHonors;
  expect(after.nodes.map((x: any) => x.workerName)).toEqual(['乙二']);
  const history = ok(await t.gql(`query($id: ID!) { node(id: $id) { ... on Worker { honors(first: 5) { nodes { id revokedAt documentNumber } } nominations(first: 5) { nodes { status campaign { id } } } } } }`, { id: a1.id }, w.admin.token)).node;
  expect(history.honors.nodes).toEqual([expect.objectContaining({ id: honorId, documentNumber: '港政字〔2026〕8号', revokedAt: expect.any(String) })]);
  expect(history.nominations.nodes).toEqual([{ status: 'CONFERRED', campaign: { id: campaignId } }]);
  expect(ok(await t.gql(REPORT, { f: { year } }, w.organizer.token)).efficacyReport.honorConferrals.totals).toEqual({ conferred: 1, frontLineShare: 1 });
}, 120_000);

it('ends a provincial campaign in the city’s recommendation list, writing no honor', async () => {
  const worker = await createWorker(t, w.admin.token, w.enterprises[1]!.id, { name: '省推荐', frontLine: true });
  const campaignId = await openCampaign(t, w, { honorKind: 'OUTSTANDING_TECHNICIAN', level: 'PROVINCE', quota: 1, frontLineSharePercent: 0 });
  const nomination = (await nominate(t, w.nominators[1]!.token, campaignId, worker.id)).nomination.id;
  await must(t, w.organizer.token, 'closeNominations', 'HonorCampaignInput', { campaignId }, 'campaign { status }');
  await scoreAll(t, w, nomination, 1, 80);
  await clearAll(t, w.organizer.token, nomination);
  await must(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, 'campaign { status }');
  await endNotices(t, campaignId);
  const done = await must(t, w.organizer.token, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId, documentNumber: '港人社推〔2026〕3号' }, 'campaign { status }');
  expect(done.campaign.status).toBe('RECOMMENDED');
  expect(ok(await t.gql(`query($c: ID!) { conferredHonors(first: 5, filter: { campaignId: $c }) { totalCount } }`, { c: campaignId })).conferredHonors.totalCount).toBe(0);
  const shown = ok(await t.gql(NOMINATIONS, { id: campaignId })).honorCampaign.nominations.nodes;
  expect(shown.map((x: any) => [x.workerName, x.status])).toEqual([['省推荐', 'RECOMMENDED']]);
}, 60_000);

it('keeps nominees without every clearance off the notice, and those a department refused out of the ranking', async () => {
  const workers = [];
  for (const name of ['联审一', '联审二']) workers.push(await createWorker(t, w.admin.token, w.enterprises[1]!.id, { name }));
  const campaignId = await openCampaign(t, w, { quota: 1, frontLineSharePercent: 0, vettingDepartments: ['纪检监察', '税务'] });
  const ids = [];
  for (const x of workers) ids.push((await nominate(t, w.nominators[1]!.token, campaignId, x.id)).nomination.id);
  await must(t, w.organizer.token, 'closeNominations', 'HonorCampaignInput', { campaignId }, 'campaign { status }');
  await scoreAll(t, w, ids[0]!, 1, 90);
  await scoreAll(t, w, ids[1]!, 1, 50);
  await clearAll(t, w.organizer.token, ids[0]!, ['纪检监察']);
  const refused = await call(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, 'campaign { status }');
  expect(refused.userErrors.map((e: any) => [e.code, e.message])).toEqual([
    ['NOT_ELIGIBLE', '联审一：尚缺 税务 的联审意见，不能公示'],
    ['NOT_ELIGIBLE', '联审二：尚缺 纪检监察、税务 的联审意见，不能公示'],
  ]);
  const unknown = await call(t, w.organizer.token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId: ids[0], department: '信访', cleared: true }, 'clearance { department }');
  expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'department'] })]);
  await must(t, w.organizer.token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId: ids[0], department: '税务', cleared: false, note: '欠税未缴' }, 'clearance { cleared }');
  await clearAll(t, w.organizer.token, ids[1]!, ['纪检监察', '税务']);
  await must(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, 'campaign { status }');
  const shown = ok(await t.gql(NOMINATIONS, { id: campaignId })).honorCampaign.nominations.nodes;
  expect(shown.map((x: any) => x.workerName)).toEqual(['联审二']);
  expect(daysFromToday(0)).toBe(today());
}, 60_000);
