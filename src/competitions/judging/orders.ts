import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../registry/registry.inputs.js';
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
registerEnumType(ScoreOrderField, {
  name: 'ScoreOrderField',
  description: 'What to order marks (Score) by.',
  valuesConfig: {
    UPDATED_AT: { description: 'When the mark was last given or corrected.' },
    CREATED_AT: { description: 'When the mark was first given.' },
  },
});

@InputType({ description: 'The order of a list of marks (Competition.scoreLog).' })
export class ScoreOrder {
  @Field(() => ScoreOrderField, { description: 'What to order by.' }) field!: ScoreOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

export enum ScoreRevisionOrderField {
  AT = 'at',
}
registerEnumType(ScoreRevisionOrderField, {
  name: 'ScoreRevisionOrderField',
  description: 'What to order corrections of a mark (ScoreRevision) by.',
  valuesConfig: { AT: { description: 'When the correction was made.' } },
});

@InputType({ description: 'The order of a mark’s corrections (Score.revisions).' })
export class ScoreRevisionOrder {
  @Field(() => ScoreRevisionOrderField, { description: 'What to order by.' }) field!: ScoreRevisionOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

export enum ScoreCorrectionRequestOrderField {
  REQUESTED_AT = 'requestedAt',
}
registerEnumType(ScoreCorrectionRequestOrderField, {
  name: 'ScoreCorrectionRequestOrderField',
  description: 'What to order correction requests (改分申请) by.',
  valuesConfig: { REQUESTED_AT: { description: 'When the judge made the request.' } },
});

@InputType({ description: 'The order of correction requests (Competition.scoreCorrectionRequests).' })
export class ScoreCorrectionRequestOrder {
  @Field(() => ScoreCorrectionRequestOrderField, { description: 'What to order by.' }) field!: ScoreCorrectionRequestOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

export enum MarkingGapAcceptanceOrderField {
  ACCEPTED_AT = 'acceptedAt',
}
registerEnumType(MarkingGapAcceptanceOrderField, {
  name: 'MarkingGapAcceptanceOrderField',
  description: 'What to order the chief judge’s acceptances of missing marks by.',
  valuesConfig: { ACCEPTED_AT: { description: 'When the chief judge accepted the gap.' } },
});

@InputType({ description: 'The order of accepted gaps (Competition.markingGapAcceptances).' })
export class MarkingGapAcceptanceOrder {
  @Field(() => MarkingGapAcceptanceOrderField, { description: 'What to order by.' }) field!: MarkingGapAcceptanceOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

export enum MarkingCodeOrderField {
  CODE = 'code',
  ISSUED_AT = 'issuedAt',
}
registerEnumType(MarkingCodeOrderField, {
  name: 'MarkingCodeOrderField',
  description: 'What to order marking codes (加密号) by.',
  valuesConfig: {
    CODE: { description: 'By the code itself (it tells nothing about the entry).' },
    ISSUED_AT: { description: 'When the encryption officer issued the code.' },
  },
});

@InputType({ description: 'The order of marking codes (Stage.markingCodes, Stage.myMarkingList).' })
export class MarkingCodeOrder {
  @Field(() => MarkingCodeOrderField, { description: 'What to order by.' }) field!: MarkingCodeOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

export enum RecheckItemOrderField {
  POSITION = 'position',
  CREATED_AT = 'createdAt',
}
registerEnumType(RecheckItemOrderField, {
  name: 'RecheckItemOrderField',
  description: 'What to order re-check items (复核项) by.',
  valuesConfig: {
    POSITION: { description: 'The listing order: the sampled entries’ marks in draw order (by stage, criterion, judge), then those a full re-check added.' },
    CREATED_AT: { description: 'When the item was made (the draw, or the full re-check that added it).' },
  },
});

@InputType({ description: 'The order of re-check items (RecheckSample.items).' })
export class RecheckItemOrder {
  @Field(() => RecheckItemOrderField, { description: 'What to order by.' }) field!: RecheckItemOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

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
