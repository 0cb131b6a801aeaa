import { Role } from '../../src/auth/role';
import { todayInChina } from '../../src/common/date';
import { idOf } from '../../src/common/relay';
import { addDays } from '../../src/honors/working-days';
import { createEnterprise, createWorker } from '../helpers/registry';
import { ok, type TestServer } from '../helpers/server';

export type User = Awaited<ReturnType<TestServer['user']>>;
export const today = () => todayInChina();
export const daysFromToday = (n: number) => addDays(todayInChina(), n);

/** Runs a mutation `name(input:)` and returns its payload (GraphQL errors fail the test; userErrors do not). */
export async function call(t: TestServer, token: string | null, name: string, inputType: string, input: Record<string, unknown>, select: string): Promise<any> {
  const res = await t.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { code field message } } }`, { input }, token);
  return ok(res)[name];
}

/** As call, but any userError fails the test too. */
export async function must(t: TestServer, token: string, name: string, inputType: string, input: Record<string, unknown>, select: string): Promise<any> {
  const payload = await call(t, token, name, inputType, input, select);
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export interface HonorWorld {
  admin: User;
  organizer: User;
  enterprises: { id: string; name: string }[];
  /** Reviewers: the first works for enterprises[0], the second for enterprises[2], the third for none. */
  reviewers: User[];
  /** A NOMINATOR scoped to each enterprise. */
  nominators: User[];
}

export async function honorWorld(t: TestServer): Promise<HonorWorld> {
  const admin = await t.user([Role.ADMIN]);
  const organizer = await t.user([Role.ORGANIZER]);
  const enterprises = [];
  for (let i = 0; i < 3; i++) enterprises.push(await createEnterprise(t, admin.token));
  const reviewers = [
    await t.user([Role.REVIEWER], { workerId: (await createWorker(t, admin.token, enterprises[0]!.id)).id }),
    await t.user([Role.REVIEWER], { workerId: (await createWorker(t, admin.token, enterprises[2]!.id)).id }),
    await t.user([Role.REVIEWER]),
  ];
  const nominators = [];
  for (const e of enterprises) {
    const u = await t.user([Role.NOMINATOR]);
    await must(t, admin.token, 'setUserEnterprise', 'SetUserEnterpriseInput', { userId: u.globalId, enterpriseId: e.id }, 'user { id }');
    nominators.push(u);
  }
  return { admin, organizer, enterprises, reviewers, nominators };
}

export function campaignInput(w: HonorWorld, over: Record<string, unknown> = {}) {
  return {
    title: `港城大工匠评选${Math.random().toString(36).slice(2, 6)}`, honorKind: 'CRAFTSMAN', level: 'CITY', year: Number(today().slice(0, 4)),
    quota: 2, frontLineSharePercent: 50, nominationOpensOn: daysFromToday(-1), nominationClosesOn: daysFromToday(30), perEnterpriseCap: 2,
    criteria: [{ name: '技能水平', maxScore: 60 }, { name: '创新成果', maxScore: 40 }],
    reviewerUserIds: w.reviewers.map((r) => r.globalId),
    ...over,
  };
}

export const CAMPAIGN = 'campaign { id status quota frontLinePlaces counts { nominations shortlisted removed openObjections concluded } }';

export async function openCampaign(t: TestServer, w: HonorWorld, over: Record<string, unknown> = {}): Promise<string> {
  return (await must(t, w.organizer.token, 'openHonorCampaign', 'OpenHonorCampaignInput', campaignInput(w, over), CAMPAIGN)).campaign.id;
}

export async function nominate(t: TestServer, token: string, campaignId: string, workerId: string, over: Record<string, unknown> = {}): Promise<any> {
  return call(t, token, 'nominateForHonor', 'NominateForHonorInput', {
    campaignId, workerId, statement: '二十年扎根一线，攻克多项焊接难题。', internalNoticeFrom: daysFromToday(-10), internalNoticeTo: daysFromToday(-3), ...over,
  }, 'nomination { id status frontLine workerName }');
}

/** Every reviewer who may score it gives it `total` (split over the two criteria). */
export async function scoreAll(t: TestServer, w: HonorWorld, nominationId: string, enterpriseIndex: number, total: number): Promise<void> {
  const conflicted = enterpriseIndex === 0 ? 0 : enterpriseIndex === 2 ? 1 : -1;
  for (const [i, r] of w.reviewers.entries()) {
    if (i === conflicted) continue;
    const first = Math.min(60, total);
    await must(t, r.token, 'scoreNomination', 'ScoreNominationInput', { nominationId, marks: [first, total - first] }, 'score { total }');
  }
}

export async function clearAll(t: TestServer, token: string, nominationId: string, departments = ['纪检监察', '安全生产', '税务', '信访']): Promise<void> {
  for (const department of departments) {
    await must(t, token, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId, department, cleared: true }, 'clearance { department }');
  }
}

/** What the passing of the working days would do: every notice period of the campaign ended yesterday. */
export async function endNotices(t: TestServer, campaignId: string): Promise<void> {
  await t.orm.em.fork().execute(`update nomination set notice_ends_on = ? where campaign_id = ? and notice_ends_on is not null`, [daysFromToday(-1), idOf(campaignId, 'HonorCampaign')]);
}
