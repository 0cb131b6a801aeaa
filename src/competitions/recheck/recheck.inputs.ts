import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { RecheckItem, RecheckSample } from './recheck.entity.js';
import type { StageFigures } from './figures.js';

@InputType({ description: 'Draws the re-check sample (复核抽样) of a competition, once.' })
export class DrawRecheckSampleInput {
  @Field(() => ID, { description: 'The competition, SCORING_CLOSED.' }) competitionId!: string;
  @Field(() => String, { nullable: true, description: 'The seed to draw from (1–100 characters), e.g. one drawn in public; omitted → a random one, recorded. Retrying with the same seed (or none) returns the sample; another seed is refused once drawn.' })
  seed?: string | null;
}

@InputType({ description: 'Confirms a recorded mark as matching the paper score sheet and the arithmetic.' })
export class ConfirmRecheckMarkInput {
  @Field(() => ID, { description: 'The RecheckItem.' }) itemId!: string;
}

@InputType({ description: 'Corrects a recorded mark found wrong by the re-check.' })
export class CorrectRecheckMarkInput {
  @Field(() => ID, { description: 'The RecheckItem.' }) itemId!: string;
  @Field(() => Float, { description: 'The right mark: 0 to the criterion’s maxScore, two decimals at most, different from the recorded one.' }) value!: number;
  @Field({ description: 'What was wrong (e.g. transcription, addition), recorded on the revision; 1–1000 characters.' }) reason!: string;
}

@ObjectType({ description: 'The sample, or userErrors.' })
export class RecheckSamplePayload extends Payload {
  @Field(() => RecheckSample, { nullable: true, description: 'The sample (the one already drawn on a retry).' }) sample?: RecheckSample | null;
}

@ObjectType({ description: 'The checked item, or userErrors.' })
export class RecheckItemPayload extends Payload {
  @Field(() => RecheckItem, { nullable: true, description: 'The item, CONFIRMED or CORRECTED.' }) item?: RecheckItem | null;
}

export const RecheckItemConnection = Connection(RecheckItem, 'RecheckItem');
export type RecheckItemConnection = InstanceType<typeof RecheckItemConnection>;

@ObjectType({ description: 'The re-check of one stage: its sampled marks, the error rate, and whether a full re-check is required.' })
export class StageRecheck implements Omit<StageFigures, 'fullRecheckDue'> {
  stageId!: string;
  @Field(() => Int, { description: 'Marks of the sampled entries in this stage.' }) sampledMarks!: number;
  @Field(() => Int, { description: 'Of those, confirmed or corrected.' }) checkedMarks!: number;
  @Field(() => Int, { description: 'Of those, corrected.' }) correctedMarks!: number;
  @Field(() => Float, { nullable: true, description: 'correctedMarks ÷ checkedMarks, rounded half up to four decimals (1 of 15 → 0.0667); null before any is checked. The threshold is compared with the exact fraction, not this rounded figure.' })
  errorRate!: number | null;
  @Field({ description: 'Every sampled mark was checked and the error rate exceeded the sample’s errorThreshold: every mark of the stage’s active entries is re-checked (items with full = true).' })
  fullRecheckRequired!: boolean;
  @Field(() => Int, { description: 'Items the full re-check added.' }) addedMarks!: number;
  @Field(() => Int, { description: 'Items of the stage (sampled or added) not yet checked.' }) pendingMarks!: number;
  @Field({ description: 'No item of the stage is pending: its re-check does not hold up its sign-off.' }) complete!: boolean;
}
