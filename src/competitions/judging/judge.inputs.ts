import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Competition } from '../setup/competition.entity.js';
import { JudgeAssignment } from './judge-assignment.entity.js';

@InputType({ description: 'Assigns a judge, or changes the stages of their current assignment.' })
export class AssignJudgeInput {
  @Field(() => ID) competitionId!: string;
  @Field(() => ID, { description: 'A user holding JUDGE.' }) userId!: string;
  @Field(() => [ID], { description: 'Stages of this competition the judge marks (at least one).' }) stageIds!: string[];
  @Field({ defaultValue: false, description: 'Chief judge (裁判长); one per competition.' }) chief!: boolean;
  @Field(() => String, { nullable: true, description: 'Required once the competition is IN_PROGRESS; recorded.' }) reason?: string | null;
}

@InputType()
export class UnassignJudgeInput {
  @Field(() => ID) competitionId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => String, { nullable: true, description: 'Required once the competition is IN_PROGRESS; recorded.' }) reason?: string | null;
}

@ObjectType()
export class JudgeAssignmentPayload extends Payload {
  @Field(() => JudgeAssignment, { nullable: true }) assignment?: JudgeAssignment | null;
  @Field(() => Competition, { nullable: true }) competition?: Competition | null;
}
