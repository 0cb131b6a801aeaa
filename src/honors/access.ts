import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, forbidden, notFound, UserErrorCode } from '../common/errors.js';
import { Role } from '../auth/role.js';
import type { Viewer } from '../context.js';
import { HonorCampaign } from './campaign.entity.js';
import { CampaignStatus, NominationStatus } from './enums.js';
import { nextCampaignStatus, type CampaignAction } from './lifecycle.js';
import { NOMINATOR } from './registry-facts.js';

/**
 * Who may do what with a campaign, in one place. The campaign's organizer (who opened it) and ADMINs
 * run it; the review panel's REVIEWERs read every nomination; a NOMINATOR reads their enterprise's;
 * anyone reads the published ones (shortlisted, conferred, recommended).
 */
export const PUBLIC_NOMINATION_STATES: readonly NominationStatus[] = [NominationStatus.SHORTLISTED, NominationStatus.CONFERRED, NominationStatus.RECOMMENDED];

export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer?.roles.includes(Role.ADMIN);
}

export function runsCampaign(viewer: Viewer | null, campaign: HonorCampaign): boolean {
  return !!viewer && (isAdmin(viewer) || campaign.organizer.id === viewer.id);
}

export function isNominator(viewer: Viewer | null): boolean {
  return !!viewer?.roles.includes(NOMINATOR);
}

/** Reads every nomination of the campaign: its runners, the city's organizers and its review panel. */
export function seesAllNominations(viewer: Viewer | null, campaign: HonorCampaign): boolean {
  if (!viewer) return false;
  return runsCampaign(viewer, campaign) || viewer.roles.includes(Role.ORGANIZER) || campaign.reviewerIds.includes(viewer.id);
}

export function assertRuns(viewer: Viewer, campaign: HonorCampaign): void {
  if (!runsCampaign(viewer, campaign)) throw forbidden();
}

/** The campaign row, locked to the end of the transaction: its moves serialize on it. */
export async function lockCampaign(em: EntityManager, id: string, field: string[] = ['input', 'campaignId']): Promise<HonorCampaign> {
  const campaign = await em.findOne(HonorCampaign, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!campaign) throw notFound('HonorCampaign', field);
  return campaign;
}

export function isProvincial(campaign: HonorCampaign): boolean {
  return campaign.level === 'PROVINCE' || campaign.level === 'NATIONAL';
}

/** The state after `action`, or an INVALID_STATE userError. */
export function advance(campaign: HonorCampaign, action: CampaignAction): CampaignStatus {
  const next = nextCampaignStatus(campaign.status, action, isProvincial(campaign));
  if (!next.ok) throw domainError(UserErrorCode.INVALID_STATE, next.message);
  return next.to;
}
