import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../common/relay.js';
import { orderInput } from '../../common/order-input.js';
import { AttemptEventKind } from '../enums.js';
import { DrillAttempt } from './attempt.entity.js';

@InputType({ description: 'Extends one taker’s deadline (e.g. an outage at their enterprise).' })
export class ExtendDrillDeadlineInput {
  @Field(() => ID, { description: 'The DrillAttempt’s global ID: an attempt under way, not yet past its deadline.' }) attemptId!: string;
  @Field(() => Int, {
    description: 'The extension in TOTAL, in minutes (1–120): not added to an earlier extension, so a retry changes nothing. It may grow, never shrink. '
      + 'The new deadline is the original one plus this, and may lie up to 120 minutes past the window’s close.',
  })
  minutes!: number;
  @Field({ description: 'Why (recorded with the attempt; at most 500 characters).' }) reason!: string;
}

@InputType({ description: 'Voids one attempt: it never counts in results.' })
export class VoidDrillAttemptInput {
  @Field(() => ID, { description: 'The DrillAttempt’s global ID: started or submitted.' }) attemptId!: string;
  @Field({ description: 'Why (e.g. cheating; shown to the taker; at most 500 characters).' }) reason!: string;
}

@ObjectType({ description: 'One thing done to an attempt after it started: an extension, a voiding or a re-marking.' })
export class DrillAttemptEvent {
  @Field(() => AttemptEventKind, { description: 'What was done.' }) kind!: AttemptEventKind;
  @Field(() => Date, { description: 'When.' }) at!: Date;
  @Field(() => String, { nullable: true, description: 'The organizer’s reason; null for a re-marking.' }) reason!: string | null;
  @Field(() => Int, { nullable: true, description: 'DEADLINE_EXTENDED: the extension in total after it, in minutes.' }) minutes!: number | null;
  @Field(() => ID, { nullable: true, description: 'REMARKED: the corrected question’s global ID.' }) questionId!: string | null;
  @Field(() => Int, { nullable: true, description: 'REMARKED: the question’s revision after the correction.' }) revision!: number | null;
  @Field(() => Float, { nullable: true, description: 'REMARKED: the score before; null until the result is released.' }) oldScore!: number | null;
  @Field(() => Float, { nullable: true, description: 'REMARKED: the score after; null until the result is released.' }) newScore!: number | null;
}

export enum DrillAttemptOrderField {
  DRAWN_AT = 'drawnAt',
}
export const DrillAttemptOrder = orderInput('DrillAttempt', DrillAttemptOrderField, {
  fields: 'What to order a drill’s attempts by.',
  values: { DRAWN_AT: 'When its paper was drawn.' },
  input: 'The order of a drill’s attempts (Drill.attempts).',
});
export type DrillAttemptOrder = InstanceType<typeof DrillAttemptOrder>;

export const DrillAttemptConnection = Connection(DrillAttempt, 'DrillAttempt');
export type DrillAttemptConnection = InstanceType<typeof DrillAttemptConnection>;
