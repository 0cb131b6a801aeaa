import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { orderInput } from '../../common/order-input.js';
import { Entry } from '../../competitions/entries/entry.entity.js';
import { Stage } from '../../competitions/setup/stage.entity.js';
import { StageDrill } from './stage-drill.entity.js';

@InputType({ description: 'Links a competition stage to an online drill: the stage’s one MEASUREMENT criterion will be filled from the drill.' })
export class LinkStageToDrillInput {
  @Field(() => ID, { description: 'The Stage’s global ID: exactly one criterion, MEASUREMENT, no marks yet; its competition DRAFT, in registration or IN_PROGRESS.' }) stageId!: string;
  @Field(() => ID, { description: 'The Drill’s global ID: one you run, not CANCELLED.' }) drillId!: string;
}

@InputType({ description: 'Names one stage filled from a drill.' })
export class StageDrillStageInput {
  @Field(() => ID, { description: 'The Stage’s global ID.' }) stageId!: string;
}

@ObjectType({ description: 'What one fill did, entry by entry.' })
export class FillCountsView {
  @Field(() => Int, { description: 'Entries given their first mark.' }) filled!: number;
  @Field(() => Int, { description: 'Entries whose mark changed (a revision of reason kind DRILL).' }) revised!: number;
  @Field(() => Int, { description: 'Entries whose mark was already the drill’s value: nothing written.' }) unchanged!: number;
  @Field(() => Int, { description: 'Entries none of whose members started the drill: now ABSENT (缺考).' }) absent!: number;
  @Field(() => Int, { description: 'Entries refused by the mark’s rules (e.g. the stage closed meanwhile); see skippedEntries.' }) skipped!: number;
}

@ObjectType({ description: 'An entry a fill left out, and why.' })
export class SkippedFill {
  @Field(() => Entry, { description: 'The entry.' }) entry!: Entry;
  @Field({ description: 'Why, in the reader’s language.' }) reason!: string;
}

@ObjectType({ description: 'The outcome of linkStageToDrill.' })
export class StageDrillPayload extends Payload {
  @Field(() => StageDrill, { nullable: true, description: 'The link; null when refused.' }) stageDrill?: StageDrill | null;
}

@ObjectType({ description: 'The outcome of unlinkStageFromDrill.' })
export class UnlinkStageFromDrillPayload extends Payload {
  @Field(() => Stage, { nullable: true, description: 'The stage, now marked by judges again; null when refused.' }) stage?: Stage | null;
}

@ObjectType({ description: 'The outcome of fillStageFromDrill: the counts of this fill.' })
export class FillStageFromDrillPayload extends Payload {
  @Field(() => StageDrill, { nullable: true, description: 'The link after the fill; null when refused.' }) stageDrill?: StageDrill | null;
  @Field(() => FillCountsView, { nullable: true, description: 'What this fill did; null when refused.' }) counts?: FillCountsView | null;
  @Field(() => [SkippedFill], { nullable: true, description: 'The entries left out and why (bounded by the competition’s entries); null when refused.' }) skippedEntries?: SkippedFill[] | null;
}

export enum StageDrillOrderField {
  LINKED_AT = 'linkedAt',
}
export const StageDrillOrder = orderInput('StageDrill', StageDrillOrderField, {
  fields: 'What to order stages filled from a drill by.',
  values: { LINKED_AT: 'When the drill was linked.' },
  input: 'The order of the stages filled from a drill (Drill.theoryStages).',
});
export type StageDrillOrder = InstanceType<typeof StageDrillOrder>;

export const StageDrillConnection = Connection(StageDrill, 'StageDrill');
export type StageDrillConnection = InstanceType<typeof StageDrillConnection>;
