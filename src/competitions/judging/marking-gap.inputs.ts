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
  @Field(() => ID, { description: 'The competition, IN_PROGRESS, whose chief judge you are.' }) competitionId!: string;
  @Field(() => ID, { nullable: true, description: 'Only this stage’s missing marks; omitted: every stage’s.' }) stageId?: string | null;
  @Field({ description: 'Why the marks may stay missing (recorded, on the score log and the results CSV); 1–1000 characters.' }) reason!: string;
}

@ObjectType({ description: 'The recorded acceptance of missing marks, or userErrors (nothing recorded).' })
export class AcceptMarkingGapPayload extends Payload {
  @Field(() => MarkingGapAcceptance, { nullable: true, description: 'The acceptance recorded: exactly the marks missing now; null when refused.' }) acceptance?: MarkingGapAcceptance | null;
  @Field(() => Competition, { nullable: true, description: 'The competition; null when refused.' }) competition?: Competition | null;
}

@InputType({ description: 'Closes marking of one stage before the whole competition’s scoring closes.' })
export class CloseStageMarkingInput {
  @Field(() => ID, { description: 'The stage to close, of a competition IN_PROGRESS that you organize.' }) stageId!: string;
}

@ObjectType({ description: 'The stage with its marking closed, or userErrors (nothing changed; one per entry still short of marks).' })
export class CloseStageMarkingPayload extends Payload {
  @Field(() => Stage, { nullable: true, description: 'The stage, its marking now closed; null when refused.' }) stage?: Stage | null;
  @Field(() => Competition, { nullable: true, description: 'Its competition; null when refused.' }) competition?: Competition | null;
}

@ObjectType({ description: 'Marks of one entry on one criterion that were missing when the gap was accepted.' })
export class AcceptedGap {
  @Field(() => Entry, { description: 'The entry short of marks.' }) entry!: Entry;
  @Field(() => Criterion, { description: 'The criterion it was short of marks on.' }) criterion!: Criterion;
  @Field(() => Int, { description: 'How many marks were missing.' }) missing!: number;
}

export const MarkingGapAcceptanceConnection = Connection(MarkingGapAcceptance, 'MarkingGapAcceptance');
export type MarkingGapAcceptanceConnection = InstanceType<typeof MarkingGapAcceptanceConnection>;
