import { orderInput } from '../../common/order-input.js';
import { Connection } from '../../common/relay.js';
import { JudgeAssignment } from './judge-assignment.entity.js';

/*
 * The orderBy inputs of the lists of judging, marking codes and the re-check (issue 13: every growable
 * list a connection with `orderBy: { field, direction }`, as CompetitionOrder). Each list has its own
 * field enum, so a client cannot ask for an order the list has no index for.
 */

export enum ScoreOrderField {
  UPDATED_AT = 'updatedAt',
  CREATED_AT = 'createdAt',
}

export const ScoreOrder = orderInput('Score', ScoreOrderField, {
  fields: 'What to order marks (Score) by.',
  values: { UPDATED_AT: 'When the mark was last given or corrected.', CREATED_AT: 'When the mark was first given.' },
  input: 'The order of a list of marks (Competition.scoreLog).',
});
export type ScoreOrder = InstanceType<typeof ScoreOrder>;

export enum ScoreRevisionOrderField {
  AT = 'at',
}

export const ScoreRevisionOrder = orderInput('ScoreRevision', ScoreRevisionOrderField, {
  fields: 'What to order corrections of a mark (ScoreRevision) by.',
  values: { AT: 'When the correction was made.' },
  input: 'The order of a mark’s corrections (Score.revisions).',
});
export type ScoreRevisionOrder = InstanceType<typeof ScoreRevisionOrder>;

export enum ScoreCorrectionRequestOrderField {
  REQUESTED_AT = 'requestedAt',
}

export const ScoreCorrectionRequestOrder = orderInput('ScoreCorrectionRequest', ScoreCorrectionRequestOrderField, {
  fields: 'What to order correction requests (改分申请) by.',
  values: { REQUESTED_AT: 'When the judge made the request.' },
  input: 'The order of correction requests (Competition.scoreCorrectionRequests).',
});
export type ScoreCorrectionRequestOrder = InstanceType<typeof ScoreCorrectionRequestOrder>;

export enum MarkingGapAcceptanceOrderField {
  ACCEPTED_AT = 'acceptedAt',
}

export const MarkingGapAcceptanceOrder = orderInput('MarkingGapAcceptance', MarkingGapAcceptanceOrderField, {
  fields: 'What to order the chief judge’s acceptances of missing marks by.',
  values: { ACCEPTED_AT: 'When the chief judge accepted the gap.' },
  input: 'The order of accepted gaps (Competition.markingGapAcceptances).',
});
export type MarkingGapAcceptanceOrder = InstanceType<typeof MarkingGapAcceptanceOrder>;

export enum MarkingCodeOrderField {
  CODE = 'code',
  ISSUED_AT = 'issuedAt',
}

export const MarkingCodeOrder = orderInput('MarkingCode', MarkingCodeOrderField, {
  fields: 'What to order marking codes (加密号) by.',
  values: { CODE: 'By the code itself (it tells nothing about the entry).', ISSUED_AT: 'When the encryption officer issued the code.' },
  input: 'The order of marking codes (Stage.markingCodes, Stage.myMarkingList).',
});
export type MarkingCodeOrder = InstanceType<typeof MarkingCodeOrder>;

export enum RecheckItemOrderField {
  POSITION = 'position',
  CREATED_AT = 'createdAt',
}

export const RecheckItemOrder = orderInput('RecheckItem', RecheckItemOrderField, {
  fields: 'What to order re-check items (复核项) by.',
  values: { POSITION: 'The listing order: the sampled entries’ marks in draw order (by stage, criterion, judge), then those a full re-check added.', CREATED_AT: 'When the item was made (the draw, or the full re-check that added it).' },
  input: 'The order of re-check items (RecheckSample.items).',
});
export type RecheckItemOrder = InstanceType<typeof RecheckItemOrder>;

export enum JudgeAssignmentOrderField {
  ASSIGNED_AT = 'assignedAt',
}
export const JudgeAssignmentOrder = orderInput('JudgeAssignment', JudgeAssignmentOrderField, {
  fields: 'What to order a competition’s panel (Competition.judges) by.',
  values: { ASSIGNED_AT: 'When the judge was (first) assigned to the panel.' },
  input: 'The order of a competition’s panel (Competition.judges).',
});
export type JudgeAssignmentOrder = InstanceType<typeof JudgeAssignmentOrder>;
export const JudgeAssignmentConnection = Connection(JudgeAssignment, 'JudgeAssignment');
export type JudgeAssignmentConnection = InstanceType<typeof JudgeAssignmentConnection>;
