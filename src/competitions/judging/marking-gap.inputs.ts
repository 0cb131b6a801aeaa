import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { MarkingGapAcceptance } from './marking-gap.entity.js';

@InputType({ description: 'The chief judge accepts that the marks missing now may stay missing, with a reason.' })
export class AcceptMarkingGapInput {
  @Field(() => ID) competitionId!: string;
  @Field(() => ID, { nullable: true, description: 'Only this stage’s missing marks; omitted: every stage’s.' }) stageId?: string | null;
  @Field({ description: 'Why the marks may stay missing (recorded, on the score log and the results CSV); 1–1000 characters.' }) reason!: string;
}

@ObjectType()
export class AcceptMarkingGapPayload extends Payload {
  @Field(() => MarkingGapAcceptance, { nullable: true }) acceptance?: MarkingGapAcceptance | null;
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
}

@InputType({ description: 'Closes marking of one stage before the whole competition’s scoring closes.' })
export class CloseStageMarkingInput {
  @Field(() => ID) stageId!: string;
}

@ObjectType()
export class CloseStageMarkingPayload extends Payload {
  @Field(() => Stage, { nullable: true }) stage?: Stage | null;
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
}

@ObjectType({ description: 'Marks of one entry on one criterion that were missing when the gap was accepted.' })
export class AcceptedGap {
  @Field(() => Entry) entry!: Entry;
  @Field(() => Criterion) criterion!: Criterion;
  @Field(() => Int, { description: 'How many marks were missing.' }) missing!: number;
}

export const MarkingGapAcceptanceConnection = Connection(MarkingGapAcceptance, 'MarkingGapAcceptance');
export type MarkingGapAcceptanceConnection = InstanceType<typeof MarkingGapAcceptanceConnection>;
