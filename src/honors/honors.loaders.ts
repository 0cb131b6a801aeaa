import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, type LoaderFactory } from '../common/loaders.js';
import { Award } from '../competitions/results/award.entity.js';
import { HonorCampaign } from './campaign.entity.js';
import { Nomination, NominationScore, VettingClearance } from './nomination.entity.js';
import type { CampaignCounts } from './honors.inputs.js';

export const campaignById = byIdLoader(HonorCampaign);
export const nominationById = byIdLoader(Nomination);
export const scoresByNomination = childrenLoader(NominationScore, 'nomination', { scoredAt: 'asc', id: 'asc' });
export const clearancesByNomination = childrenLoader(VettingClearance, 'nomination', { department: 'asc', id: 'asc' });

/** A campaign's figures, counted by PostgreSQL for every campaign of a page at once. */
export const countsByCampaign: LoaderFactory<string, CampaignCounts> = (em) =>
  new DataLoader<string, CampaignCounts>(async (ids) => {
    const marks = ids.map(() => '?').join(', ');
    const rows = await (em as EntityManager).execute<{ campaign_id: string; nominations: number; shortlisted: number; removed: number; concluded: number; open_objections: number }[]>(
      `select c.id as campaign_id,
              count(n.id)::int as nominations,
              count(n.id) filter (where n.status = 'SHORTLISTED')::int as shortlisted,
              count(n.id) filter (where n.status = 'REMOVED')::int as removed,
              count(n.id) filter (where n.status in ('CONFERRED', 'RECOMMENDED'))::int as concluded,
              (select count(*) from objection o where o.campaign_id = c.id and o.status = 'OPEN')::int as open_objections
       from honor_campaign c left join nomination n on n.campaign_id = c.id
       where c.id in (${marks}) group by c.id`,
      [...ids],
    );
    const byId = new Map(rows.map((r) => [r.campaign_id, r]));
    return ids.map((id) => {
      const r = byId.get(id);
      return { nominations: r?.nominations ?? 0, shortlisted: r?.shortlisted ?? 0, removed: r?.removed ?? 0, concluded: r?.concluded ?? 0, openObjections: r?.open_objections ?? 0 };
    });
  });

/** Evidence of nominations (src/honors/nomination-evidence.resolver.ts): awards by id, for every nomination of a page at once. */
export const evidenceAwardById = byIdLoader(Award);
