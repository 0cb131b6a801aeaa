import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { orderInput } from '../../common/order-input.js';
import { Stage } from '../setup/stage.entity.js';
import { StageSignOff } from './stage-sign-off.entity.js';

@InputType({ description: 'The chief judge’s sign-off (裁判长签字) of one stage whose marking has closed.' })
export class SignOffStageInput {
  @Field(() => ID, { description: 'The stage whose results the chief judge signs (签字确认).' }) stageId!: string;
}

@ObjectType({ description: 'The result of signOffStage.' })
export class SignOffStagePayload extends Payload {
  @Field(() => StageSignOff, { nullable: true, description: 'The stage’s valid sign-off: the new one, or the one already recorded.' })
  signOff?: StageSignOff | null;
  @Field(() => Stage, { nullable: true, description: 'The stage signed off; null when refused.' }) stage?: Stage | null;
  @Field({ nullable: true, description: 'False when the stage was already validly signed and that sign-off is returned (nothing new recorded).' })
  created?: boolean;
}

@InputType({ description: 'Which stage’s score sheet to print: the chief judge, the organizer or an admin asks for a one-time link.' })
export class CreateScoreSheetPrintLinkInput {
  @Field(() => ID, { description: 'The stage whose score sheet (评分表) to print.' }) stageId!: string;
}

@ObjectType({ description: 'The result of createScoreSheetPrintLink: a one-time link to the printable score sheet (评分表).' })
export class ScoreSheetPrintLinkPayload extends Payload {
  @Field(() => String, {
    nullable: true,
    description: 'Path of the stage’s printable score sheet with a one-time token (`/competitions/<id>/stages/<id>/score-sheet?token=…`), ' +
      'for a plain link on this server; it works once and needs no Authorization header.',
  })
  url?: string | null;
  @Field(() => Date, { nullable: true, description: 'The link is refused after this.' }) expiresAt?: Date | null;
}

export const StageSignOffConnection = Connection(StageSignOff, 'StageSignOff');
export type StageSignOffConnection = InstanceType<typeof StageSignOffConnection>;

export enum StageSignOffOrderField {
  SIGNED_AT = 'signedAt',
}
export const StageSignOffOrder = orderInput('StageSignOff', StageSignOffOrderField, {
  fields: 'What to order a competition’s sign-offs (Competition.signOffs) by.',
  values: { SIGNED_AT: 'When the chief judge signed.' },
  input: 'The order of a competition’s sign-offs (Competition.signOffs).',
});
export type StageSignOffOrder = InstanceType<typeof StageSignOffOrder>;
