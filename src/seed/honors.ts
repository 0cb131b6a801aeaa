import type { SeedClient } from './client.js';
import type { DemoUser } from './competitions.js';
import type { SeedRegistry, SeedWorker } from './registry.js';

export interface SeedHonors { conferredId: string; inNoticeId: string }

const DEPARTMENTS = ['纪检监察', '安全生产', '税务', '信访'];
const chinaDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const SENIOR_OR_ABOVE = ['SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN'];

/**
 * Two honor campaigns (评选表彰): 港城大工匠, conferred (its notice recorded as posted a month ago), and
 * 金牌工人, its shortlist in public notice now. Nominated by the enterprises' nominators, scored by the
 * three reviewers, cleared by every vetting department, all through the API.
 */
export async function seedHonors(c: SeedClient, reg: SeedRegistry, admin: string, organizer: string, reviewers: DemoUser[], password: string, domain: string): Promise<SeedHonors> {
  const year = Number(chinaDay(0).slice(0, 4));
  const nominators = new Map<string, string>();
  const nominatorOf = async (enterpriseId: string): Promise<string> => {
    if (!nominators.has(enterpriseId)) {
      const email = `nominator${nominators.size + 1}@${domain}`;
      await c.mutate(admin, 'createUser', 'CreateUserInput', { email, displayName: `企业推荐人${nominators.size + 1}`, password, roles: ['NOMINATOR'], enterpriseId }, 'user { id }');
      nominators.set(enterpriseId, await c.login(email, password));
    }
    return nominators.get(enterpriseId)!;
  };
  const pick = (from: number, n: number): SeedWorker[] => {
    const out: SeedWorker[] = [];
    for (const e of reg.enterprises.slice(from, from + 3)) {
      out.push(...reg.workers.filter((w) => w.enterpriseId === e.id && SENIOR_OR_ABOVE.includes(w.skillLevel)).slice(0, n));
    }
    return out;
  };
  const run = async (title: string, honorKind: string, nominees: SeedWorker[], noticeStartsOn: string | null, documentNumber: string | null): Promise<string> => {
    const { campaign } = await c.mutate(organizer, 'openHonorCampaign', 'OpenHonorCampaignInput', {
      title, honorKind, level: 'CITY', year, quota: 3, frontLineSharePercent: 50, nominationOpensOn: chinaDay(-40), nominationClosesOn: chinaDay(0), perEnterpriseCap: 2,
      criteria: [{ name: '技能水平', maxScore: 40 }, { name: '创新成果', maxScore: 30 }, { name: '传帮带', maxScore: 30 }],
      reviewerUserIds: reviewers.map((r) => r.globalId), minSkillLevel: 'SENIOR',
    }, 'campaign { id }');
    const ids: string[] = [];
    for (const w of nominees) {
      const { nomination } = await c.mutate(await nominatorOf(w.enterpriseId), 'nominateForHonor', 'NominateForHonorInput', {
        campaignId: campaign.id, workerId: w.id, statement: `${w.name}扎根${w.trade}岗位，攻坚克难，带出一批技术骨干。`,
        internalNoticeFrom: chinaDay(-38), internalNoticeTo: chinaDay(-33),
      }, 'nomination { id }');
      ids.push(nomination.id);
    }
    await c.mutate(organizer, 'closeNominations', 'HonorCampaignInput', { campaignId: campaign.id }, 'campaign { id }');
    for (const [i, id] of ids.entries()) {
      for (const [j, r] of reviewers.entries()) {
        await c.mutate(r.token, 'scoreNomination', 'ScoreNominationInput', { nominationId: id, marks: [30 + ((i * 7 + j) % 10), 20 + ((i * 3 + j) % 10), 18 + ((i + j * 5) % 12)] }, 'score { total }');
      }
      for (const department of DEPARTMENTS) {
        await c.mutate(organizer, 'recordVettingClearance', 'RecordVettingClearanceInput', { nominationId: id, department, cleared: true }, 'clearance { department }');
      }
    }
    // A notice already over (the conferred campaign) was posted earlier: recording that is an ADMIN's act.
    await c.mutate(noticeStartsOn ? admin : organizer, 'publishShortlist', 'PublishShortlistInput', { campaignId: campaign.id, ...(noticeStartsOn ? { noticeStartsOn } : {}) }, 'campaign { id }');
    if (documentNumber) await c.mutate(organizer, 'concludeHonorCampaign', 'ConcludeHonorCampaignInput', { campaignId: campaign.id, documentNumber }, 'campaign { id }');
    return campaign.id;
  };
  const conferredId = await run(`${year}年度港城大工匠评选`, 'CRAFTSMAN', pick(0, 2), chinaDay(-30), `秦工发〔${year}〕18号`);
  const inNoticeId = await run(`${year}年度金牌工人评选`, 'GOLD_MEDAL_WORKER', pick(3, 2), null, null);
  return { conferredId, inNoticeId };
}
