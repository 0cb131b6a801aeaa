import { labelOf } from '../common/enum-labels.js';
import { CampaignStatus as S } from './enums.js';
import { m } from './messages.js';

/**
 * The life of an honor campaign as data: each move → the states it may start from and where it goes.
 * Pure, so it is unit-tested on its own; the services apply it. `conclude` ends in CONFERRED or, for a
 * provincial or national honor, RECOMMENDED: the service picks which (see concludedStatus).
 */
export type CampaignAction =
  | 'nominate' | 'closeNominations' | 'score' | 'recordClearance' | 'publishShortlist'
  | 'lodgeObjection' | 'resolveObjection' | 'conclude' | 'cancel';

export const CAMPAIGN_LIFECYCLE: Record<CampaignAction, { from: readonly S[]; to: S | 'same' | 'concluded' }> = {
  nominate: { from: [S.NOMINATING], to: 'same' },
  closeNominations: { from: [S.NOMINATING], to: S.REVIEWING },
  score: { from: [S.REVIEWING], to: 'same' },
  recordClearance: { from: [S.REVIEWING], to: 'same' },
  publishShortlist: { from: [S.REVIEWING], to: S.IN_NOTICE },
  lodgeObjection: { from: [S.IN_NOTICE], to: 'same' },
  resolveObjection: { from: [S.IN_NOTICE], to: 'same' },
  conclude: { from: [S.IN_NOTICE], to: 'concluded' },
  cancel: { from: [S.NOMINATING, S.REVIEWING, S.IN_NOTICE], to: S.CANCELLED },
};

const WHAT = {
  nominate: 'actNominate',
  closeNominations: 'actCloseNominations',
  score: 'actScore',
  recordClearance: 'actRecordClearance',
  publishShortlist: 'actPublish',
  lodgeObjection: 'actLodgeObjection',
  resolveObjection: 'actResolveObjection',
  conclude: 'actConclude',
  cancel: 'actCancel',
} as const satisfies Record<CampaignAction, string>;

/** The state after the move (`provincial`: the campaign's honor is conferred above the city), or why it is illegal. */
export function nextCampaignStatus(current: S, action: CampaignAction, provincial = false): { ok: true; to: S } | { ok: false; message: string } {
  const rule = CAMPAIGN_LIFECYCLE[action];
  if (rule.from.includes(current)) {
    const to = rule.to === 'same' ? current : rule.to === 'concluded' ? (provincial ? S.RECOMMENDED : S.CONFERRED) : rule.to;
    return { ok: true, to };
  }
  const label = (s: S) => labelOf('CampaignStatus', s);
  return { ok: false, message: m('moveNotPossible', { action: m(WHAT[action]), status: label(current), allowed: rule.from.map(label).join(m('orSeparator')) }) };
}

export const FINAL_STATES: readonly S[] = [S.CONFERRED, S.RECOMMENDED, S.CANCELLED];
