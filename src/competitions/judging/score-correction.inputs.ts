import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { ScoreCorrectionRequest } from './score-correction.entity.js';

@InputType({ description: 'A judge asks the chief judge to correct their mark after seeing the panel’s marks on the entry.' })
export class RequestScoreCorrectionInput {
  @Field(() => ID, { description: 'The mark (Score) to correct.' }) scoreId!: string;
  @Field(() => Float, { description: 'The corrected value: from 0 to the criterion’s maxScore, at most two decimals.' }) value!: number;
  @Field({ description: 'Why the mark should change (shown to the chief judge and kept in the score log).' }) reason!: string;
}

@InputType({ description: 'The chief judge’s decision on a correction request.' })
export class DecideScoreCorrectionInput {
  @Field(() => ID, { description: 'The ScoreCorrectionRequest.' }) requestId!: string;
  @Field({ description: 'True applies the correction (once); false leaves the mark as it is.' }) approve!: boolean;
  @Field(() => String, { nullable: true, description: 'Required to reject.' }) reason?: string | null;
}

@ObjectType({ description: 'The correction request as it stands, or userErrors (nothing changed).' })
export class ScoreCorrectionPayload extends Payload {
  @Field(() => ScoreCorrectionRequest, { nullable: true, description: 'The request made or decided; null when refused.' }) request?: ScoreCorrectionRequest | null;
  @Field({ nullable: true, description: 'True when this repeated a decision already taken: nothing changed.' }) replayed?: boolean;
}

export const ScoreCorrectionRequestConnection = Connection(ScoreCorrectionRequest, 'ScoreCorrectionRequest');
export type ScoreCorrectionRequestConnection = InstanceType<typeof ScoreCorrectionRequestConnection>;
