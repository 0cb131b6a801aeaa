import { Role } from '../../src/auth/role';
import { createWorker } from '../helpers/registry';
import { errorCode, ok, startTestServer, type TestServer } from '../helpers/server';
import { call, campaignInput, clearAll, daysFromToday, honorWorld, must, nominate, openCampaign, scoreAll, type HonorWorld, type User } from './fixture';

/* Every campaign mutation's denials and userErrors; a refusal changes nothing. */
let t: TestServer;
let w: HonorWorld;
let otherOrganizer: User;
let judge: User;
beforeAll(async () => {
  t = await startTestServer();
  w = await honorWorld(t);
  otherOrganizer = await t.user([Role.ORGANIZER]);
  judge = await t.user([Role.JUDGE]);
}, 60_000);
afterAll(() => t.close());

const gqlCall = (token: string | null, name: string, type: string, input: Record<string, unknown>) =>
  t.gql(`mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code } } }`, { input }, token);
const codes = (p: any) => p.userErrors.map((e: any) => e.code);
const fields = (p: any) => p.userErrors.map((e: any) => e.field?.join('.'));

describe('openHonorCampaign', () => {
  it('is for ADMINs and ORGANIZERs', async () => {
    const input = campaignInput(w);
    expect(errorCode(await gqlCall(null, 'openHonorCampaign', 'OpenHonorCampaignInput', input))).toBe('UNAUTHENTICATED');
    for (const u of [judge, w.reviewers[2]!, w.nominators[0]!]) expect(errorCode(await gqlCall(u.token, 'openHonorCampaign', 'OpenHonorCampaignInput', input))).toBe('FORBIDDEN');
  });

  it('names every bad field at once and opens nothing', async () => {
    const before = ok(await t.gql('{ honorCampaigns(first: 1) { totalCount } }')).honorCampaigns.totalCount;
    const bad = await call(t, w.organizer.token, 'openHonorCampaign', 'OpenHonorCampaignInput', campaignInput(w, {
      quota: 0, frontLineSharePercent: 101, nominationOpensOn: daysFromToday(5), nominationClosesOn: daysFromToday(1), criteria: [],
      vettingDepartments: ['税务', '税务'], noticeWorkingDays: 0,
    }), 'campaign { id }');
    expect(fields(bad)).toEqual(['input.quota', 'input.frontLineSharePercent', 'input.noticeWorkingDays', 'input.nominationClosesOn', 'input.vettingDepartments.1', 'input.criteria']);
    const notReviewer = await call(t, w.organizer.token, 'openHonorCampaign', 'OpenHonorCampaignInput', campaignInput(w, { reviewerUserIds: [judge.globalId] }), 'campaign { id }');
    expect(notReviewer.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', field: ['input', 'reviewerUserIds', '0'] })]);
    expect(ok(await t.gql('{ honorCampaigns(first: 1) { totalCount } }')).honorCampaigns.totalCount).toBe(before);
  });

  it('defaults the vetting departments and the notice period, and lists campaigns publicly', async () => {
    const id = await openCampaign(t, w);
    const c = ok(await t.gql(`query($id: ID!) { honorCampaign(id: $id) { vettingDepartments noticeWorkingDays status reviewers { id } viewerRuns eligibility { trades } } }`, { id })).honorCampaign;
    expect(c).toEqual({ vettingDepartments: ['纪检监察', '安全生产', '税务', '信访'], noticeWorkingDays: 5, status: 'NOMINATING', reviewers: null, viewerRuns: false, eligibility: { trades: [] } });
    const mine = ok(await t.gql(`query($id: ID!) { honorCampaign(id: $id) { reviewers { id } viewerRuns } }`, { id }, w.organizer.token)).honorCampaign;
    expect(mine).toEqual({ reviewers: w.reviewers.map((r) => ({ id: r.globalId })), viewerRuns: true });
  });
});

describe('running a campaign is for its organizer (or an ADMIN)', () => {
  it('refuses another organizer every move, and a reviewer or nominator by role', async () => {
    const campaignId = await openCampaign(t, w);
    for (const [name, type, extra] of [
      ['closeNominations', 'HonorCampaignInput', {}], ['cancelHonorCampaign', 'HonorCampaignInput', {}], ['publishShortlist', 'PublishShortlistInput', {}],
      ['concludeHonorCampaign', 'ConcludeHonorCampaignInput', { documentNumber: '文号' }],
    ] as const) {
      expect(errorCode(await gqlCall(otherOrganizer.token, name, type, { campaignId, ...extra }))).toBe('FORBIDDEN');
      expect(errorCode(await gqlCall(w.reviewers[2]!.token, name, type, { campaignId, ...extra }))).toBe('FORBIDDEN');
      expect(errorCode(await gqlCall(null, name, type, { campaignId, ...extra }))).toBe('UNAUTHENTICATED');
    }
    // Moves out of order are INVALID_STATE; an ADMIN may run anyone's campaign.
    expect(codes(await call(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, 'campaign { id }'))).toEqual(['INVALID_STATE']);
    expect(codes(await call(t, w.organizer.token, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId, documentNumber: '文号' }, 'campaign { id }'))).toEqual(['INVALID_STATE']);
    await must(t, w.admin.token, 'cancelHonorCampaign', 'HonorCampaignInput', { campaignId }, 'campaign { status }');
    expect(codes(await call(t, w.organizer.token, 'closeNominations', 'HonorCampaignInput', { campaignId }, 'campaign { id }'))).toEqual(['INVALID_STATE']);
  });
});

describe('nominateForHonor', () => {
  it('lets a NOMINATOR nominate their own enterprise’s workers only', async () => {
    const campaignId = await openCampaign(t, w);
    const worker = await createWorker(t, w.admin.token, w.enterprises[0]!.id);
    expect(errorCode(await nominateRaw(w.nominators[1]!.token, campaignId, worker.id))).toBe('FORBIDDEN');
    const unscoped = await t.user([Role.NOMINATOR]);
    expect(errorCode(await nominateRaw(unscoped.token, campaignId, worker.id))).toBe('FORBIDDEN');
    expect(errorCode(await nominateRaw(judge.token, campaignId, worker.id))).toBe('FORBIDDEN');
    expect(errorCode(await nominateRaw(null, campaignId, worker.id))).toBe('UNAUTHENTICATED');
    expect((await nominate(t, w.nominators[0]!.token, campaignId, worker.id)).userErrors).toEqual([]);
    expect(codes(await nominate(t, w.organizer.token, campaignId, worker.id))).toEqual(['ALREADY_EXISTS']);
  });

  it('checks every rule, each named, and the cap per enterprise', async () => {
    const campaignId = await openCampaign(t, w, { eligibleTrades: ['钳工'], minSkillLevel: 'TECHNICIAN', requiredHonorKinds: ['MODEL_WORKER'], minYearsInTrade: 10, perEnterpriseCap: 1 });
    const worker = await createWorker(t, w.admin.token, w.enterprises[1]!.id, { name: '不合格', trade: '焊工', skillLevel: 'SENIOR', tradeStartYear: 2022 });
    const res = await nominate(t, w.nominators[1]!.token, campaignId, worker.id);
    expect(res.userErrors.map((e: any) => e.message)).toEqual([
      '推荐条件“工种”：不合格 的工种为 焊工，本次评选限 钳工',
      '推荐条件“技能等级”：不合格 为 高级工，本次评选要求不低于 技师',
      '推荐条件“已获荣誉”：不合格 须已获得 劳动模范 之一',
      `推荐条件“从业年限”：不合格 从业 ${Number(daysFromToday(0).slice(0, 4)) - 2022} 年，本次评选要求满 10 年`,
    ]);
    const en = ok(await t.gql(`mutation($input: NominateForHonorInput!) { nominateForHonor(input: $input) { userErrors { message } } }`,
      { input: { campaignId, workerId: worker.id, statement: 's', internalNoticeFrom: daysFromToday(-3), internalNoticeTo: daysFromToday(-1) } }, w.nominators[1]!.token, { locale: 'en' })).nominateForHonor;
    expect(en.userErrors[0].message).toBe('Rule "trade": 不合格 works as 焊工; this campaign is for 钳工');
    const good = await createWorker(t, w.admin.token, w.enterprises[1]!.id, { trade: '钳工', skillLevel: 'TECHNICIAN', birthYear: 1970, tradeStartYear: 2001 });
    await must(t, w.admin.token, 'grantHonor', 'GrantHonorInput', { workerId: good.id, kind: 'MODEL_WORKER', level: 'CITY', year: 2020 }, 'honor { id }');
    expect((await nominate(t, w.nominators[1]!.token, campaignId, good.id)).userErrors).toEqual([]);
    const second = await createWorker(t, w.admin.token, w.enterprises[1]!.id, { trade: '钳工', skillLevel: 'TECHNICIAN', birthYear: 1970, tradeStartYear: 2001 });
    await must(t, w.admin.token, 'grantHonor', 'GrantHonorInput', { workerId: second.id, kind: 'MODEL_WORKER', level: 'CITY', year: 2020 }, 'honor { id }');
    expect((await nominate(t, w.nominators[1]!.token, campaignId, second.id)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', message: expect.stringContaining('推荐名额') })]);
    const unknownYears = await createWorker(t, w.admin.token, w.enterprises[2]!.id, { trade: '钳工', skillLevel: 'TECHNICIAN' });
    expect((await nominate(t, w.nominators[2]!.token, campaignId, unknownYears.id)).userErrors.map((e: any) => e.message)).toEqual([
      `推荐条件“已获荣誉”：${unknownYears.name} 须已获得 劳动模范 之一`,
      `推荐条件“从业年限”：${unknownYears.name} 未登记从业起始年份，本次评选要求从业满 10 年`,
    ]);
  });

  it('refuses outside the window, an internal notice not yet over, and evidence that is not the nominee’s', async () => {
    const later = await openCampaign(t, w, { nominationOpensOn: daysFromToday(3), nominationClosesOn: daysFromToday(10) });
    const worker = await createWorker(t, w.admin.token, w.enterprises[0]!.id);
    expect((await nominate(t, w.organizer.token, later, worker.id)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('不在推荐期内') })]);
    const campaignId = await openCampaign(t, w);
    const future = await nominate(t, w.organizer.token, campaignId, worker.id, { internalNoticeTo: daysFromToday(2) });
    expect(fields(future)).toEqual(['input.internalNoticeTo']);
    const ghost = Buffer.from('Innovation:11111111-1111-4111-8111-111111111111').toString('base64url');
    const res = await nominate(t, w.organizer.token, campaignId, worker.id, { innovationIds: [ghost] });
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'innovationIds', '0'] })]);
    const count = ok(await t.gql(`query($id: ID!) { honorCampaign(id: $id) { counts { nominations } } }`, { id: campaignId })).honorCampaign.counts.nominations;
    expect(count).toBe(0);
  });
});

async function nominateRaw(token: string | null, campaignId: string, workerId: string) {
  return gqlCall(token, 'nominateForHonor', 'NominateForHonorInput', { campaignId, workerId, statement: 's', internalNoticeFrom: daysFromToday(-3), internalNoticeTo: daysFromToday(-1) });
}

describe('review, notice and records', () => {
  let campaignId: string;
  let nominationId: string;
  beforeAll(async () => {
    campaignId = await openCampaign(t, w, { quota: 1, frontLineSharePercent: 0 });
    const worker = await createWorker(t, w.admin.token, w.enterprises[0]!.id, { name: '复核人选' });
    nominationId = (await nominate(t, w.organizer.token, campaignId, worker.id)).nomination.id;
  });

  it('scoreNomination: panel reviewers only, never of the nominee’s enterprise, while REVIEWING, one mark per criterion within its maximum', async () => {
    const input = { nominationId, marks: [50, 30] };
    expect(errorCode(await gqlCall(null, 'scoreNomination', 'ScoreNominationInput', input))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gqlCall(w.admin.token, 'scoreNomination', 'ScoreNominationInput', input))).toBe('FORBIDDEN');
    expect(errorCode(await gqlCall((await t.user([Role.REVIEWER])).token, 'scoreNomination', 'ScoreNominationInput', input))).toBe('FORBIDDEN');
    expect(codes(await call(t, w.reviewers[2]!.token, 'scoreNomination', 'ScoreNominationInput', input, 'score { total }'))).toEqual(['INVALID_STATE']);
    await must(t, w.organizer.token, 'closeNominations', 'HonorCampaignInput', { campaignId }, 'campaign { id }');
    expect(codes(await call(t, w.reviewers[0]!.token, 'scoreNomination', 'ScoreNominationInput', input, 'score { total }'))).toEqual(['CONFLICT_OF_INTEREST']);
    expect(fields(await call(t, w.reviewers[2]!.token, 'scoreNomination', 'ScoreNominationInput', { nominationId, marks: [61, -1] }, 'score { total }'))).toEqual(['input.marks.0', 'input.marks.1']);
    expect(fields(await call(t, w.reviewers[2]!.token, 'scoreNomination', 'ScoreNominationInput', { nominationId, marks: [1] }, 'score { total }'))).toEqual(['input.marks']);
    const first = await must(t, w.reviewers[2]!.token, 'scoreNomination', 'ScoreNominationInput', input, 'score { total marks } nomination { viewerScore { total } }');
    expect(first).toMatchObject({ score: { total: 80, marks: [50, 30] }, nomination: { viewerScore: { total: 80 } } });
    const corrected = await must(t, w.reviewers[2]!.token, 'scoreNomination', 'ScoreNominationInput', { nominationId, marks: [40, 30] }, 'score { total }');
    expect(corrected.score.total).toBe(70);
  });

  it('publishShortlist names the missing marks; recordVettingClearance is the runner’s', async () => {
    const missing = await call(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, 'campaign { id }');
    expect(missing.userErrors.map((e: any) => e.code)).toEqual(['INVALID_STATE', 'NOT_ELIGIBLE']);
    expect(missing.userErrors[0].message).toContain('尚缺');
    expect(errorCode(await gqlCall(otherOrganizer.token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId, department: '税务', cleared: true }))).toBe('FORBIDDEN');
    expect(errorCode(await gqlCall(w.reviewers[2]!.token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId, department: '税务', cleared: true }))).toBe('FORBIDDEN');
    await scoreAll(t, w, nominationId, 0, 70);
    await clearAll(t, w.organizer.token, nominationId);
    // A notice may be recorded as begun earlier (posted on paper), never in the future nor before the window opened.
    expect(fields(await call(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId, noticeStartsOn: daysFromToday(1) }, 'campaign { id }'))).toEqual(['input.noticeStartsOn']);
    expect(fields(await call(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId, noticeStartsOn: daysFromToday(-2) }, 'campaign { id }'))).toEqual(['input.noticeStartsOn']);
    // Backdating shortens the public's time to object: an organizer may not, only an ADMIN recording a paper notice.
    const backdated = await call(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId, noticeStartsOn: daysFromToday(-1) }, 'campaign { id status }');
    expect(backdated.userErrors).toEqual([expect.objectContaining({ field: ['input', 'noticeStartsOn'], message: expect.stringContaining('只有管理员') })]);
    expect(backdated.campaign).toBeNull();
    await must(t, w.organizer.token, 'publishShortlist', 'PublishShortlistInput', { campaignId }, 'campaign { id }');
  });

  it('lodgeObjection needs a login and a shortlisted nominee; resolveObjection is the runner’s, once', async () => {
    expect(errorCode(await gqlCall(null, 'lodgeObjection', 'LodgeObjectionInput', { nominationId, grounds: '理由' }))).toBe('UNAUTHENTICATED');
    expect(fields(await call(t, judge.token, 'lodgeObjection', 'LodgeObjectionInput', { nominationId, grounds: '  ' }, 'objection { id }'))).toEqual(['input.grounds']);
    const o = await must(t, judge.token, 'lodgeObjection', 'LodgeObjectionInput', { nominationId, grounds: '理由' }, 'objection { id viewerLodged lodgedBy { id } }');
    expect(o.objection).toMatchObject({ viewerLodged: true, lodgedBy: null });
    const objectionId = o.objection.id;
    for (const u of [otherOrganizer, w.admin].slice(0, 1)) expect(errorCode(await gqlCall(u.token, 'resolveObjection', 'ResolveObjectionInput', { objectionId, uphold: false, reason: '无' }))).toBe('FORBIDDEN');
    expect(errorCode(await gqlCall(judge.token, 'resolveObjection', 'ResolveObjectionInput', { objectionId, uphold: false, reason: '无' }))).toBe('FORBIDDEN');
    expect(fields(await call(t, w.organizer.token, 'resolveObjection', 'ResolveObjectionInput', { objectionId, uphold: false, reason: '' }, 'objection { id }'))).toEqual(['input.reason']);
    await must(t, w.organizer.token, 'resolveObjection', 'ResolveObjectionInput', { objectionId, uphold: false, reason: '不成立' }, 'objection { id }');
    expect(codes(await call(t, w.organizer.token, 'resolveObjection', 'ResolveObjectionInput', { objectionId, uphold: true, reason: '成立' }, 'objection { id }'))).toEqual(['INVALID_STATE']);
    // Conferral waits for the notice to end, and needs a document number.
    expect(fields(await call(t, w.organizer.token, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId, documentNumber: ' ' }, 'campaign { id }'))).toEqual(['input.documentNumber']);
    expect(codes(await call(t, w.organizer.token, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId, documentNumber: '文号1' }, 'campaign { id }'))).toEqual(['INVALID_STATE']);
  });

  it('revokeHonor is for ADMINs and ORGANIZERs, with a reason, on a real honor', async () => {
    const worker = await createWorker(t, w.admin.token, w.enterprises[0]!.id);
    const honorId = (await must(t, w.admin.token, 'grantHonor', 'GrantHonorInput', { workerId: worker.id, kind: 'GOLD_MEDAL_WORKER', level: 'CITY', year: 2021 }, 'honor { id }')).honor.id;
    expect(errorCode(await gqlCall(null, 'revokeHonor', 'RevokeHonorInput', { honorId, reason: 'x' }))).toBe('UNAUTHENTICATED');
    for (const u of [judge, w.nominators[0]!, w.reviewers[2]!]) expect(errorCode(await gqlCall(u.token, 'revokeHonor', 'RevokeHonorInput', { honorId, reason: 'x' }))).toBe('FORBIDDEN');
    expect(fields(await call(t, w.organizer.token, 'revokeHonor', 'RevokeHonorInput', { honorId, reason: '' }, 'honor { id }'))).toEqual(['input.reason']);
    const ghost = Buffer.from('Honor:11111111-1111-4111-8111-111111111111').toString('base64url');
    expect(codes(await call(t, w.organizer.token, 'revokeHonor', 'RevokeHonorInput', { honorId: ghost, reason: 'x' }, 'honor { id }'))).toEqual(['NOT_FOUND']);
    await must(t, w.organizer.token, 'revokeHonor', 'RevokeHonorInput', { honorId, reason: '撤销' }, 'honor { id }');
    // The same honor may be granted again once the first is revoked: the unique index counts standing honors only.
    await must(t, w.admin.token, 'grantHonor', 'GrantHonorInput', { workerId: worker.id, kind: 'GOLD_MEDAL_WORKER', level: 'CITY', year: 2021 }, 'honor { id }');
  });

  it('setCalendarDay and removeCalendarDay are for ADMINs; the calendar is public', async () => {
    const input = { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' };
    expect(errorCode(await gqlCall(null, 'setCalendarDay', 'SetCalendarDayInput', input))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gqlCall(w.organizer.token, 'setCalendarDay', 'SetCalendarDayInput', input))).toBe('FORBIDDEN');
    expect(errorCode(await gqlCall(w.organizer.token, 'removeCalendarDay', 'RemoveCalendarDayInput', { date: '2027-01-01' }))).toBe('FORBIDDEN');
    expect(fields(await call(t, w.admin.token, 'setCalendarDay', 'SetCalendarDayInput', { ...input, name: '' }, 'day { date }'))).toEqual(['input.name']);
    await must(t, w.admin.token, 'setCalendarDay', 'SetCalendarDayInput', input, 'day { date }');
    expect(ok(await t.gql('{ calendarDays(year: 2027) { date kind name } }')).calendarDays).toEqual([{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }]);
    expect(ok(await t.gql('{ calendarDays(year: 2026) { date } }')).calendarDays).toHaveLength(39);
    await must(t, w.admin.token, 'removeCalendarDay', 'RemoveCalendarDayInput', { date: '2027-01-01' }, 'removedDate');
    expect(codes(await call(t, w.admin.token, 'removeCalendarDay', 'RemoveCalendarDayInput', { date: '2027-01-01' }, 'removedDate'))).toEqual(['NOT_FOUND']);
  });
});
