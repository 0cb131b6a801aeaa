import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Competition } from '../setup/competition.entity.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
import { Entry } from '../entries/entry.entity.js';

@InputType({ description: 'Assigns a judge, or changes the stages of their current assignment.' })
export class AssignJudgeInput {
  @Field(() => ID, { description: 'The competition you organize (not FINALIZED or CANCELLED).' }) competitionId!: string;
  @Field(() => ID, { description: 'A user holding JUDGE.' }) userId!: string;
  @Field(() => [ID], { description: 'Stages of this competition the judge marks: at least one, except for a chief judge, who supervises every stage and marks (and is expected to mark) only the stages listed here.' }) stageIds!: string[];
  @Field({ defaultValue: false, description: 'Chief judge (裁判长); one per competition.' }) chief!: boolean;
  @Field(() => [ID], {
    nullable: true,
    description: 'A substitute judge (替补裁判): the only entries of this competition they mark, e.g. those a conflicted judge may not. Omitted or empty: every entry. The judge must not be conflicted with any of them.',
  }) entryIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Required once the competition is IN_PROGRESS; recorded.' }) reason?: string | null;
}

@InputType({ description: 'Takes a judge off a competition’s panel.' })
export class UnassignJudgeInput {
  @Field(() => ID, { description: 'The competition you organize.' }) competitionId!: string;
  @Field(() => ID, { description: 'The judge (a User) now on its panel.' }) userId!: string;
  @Field(() => String, { nullable: true, description: 'Required once the competition is IN_PROGRESS; recorded.' }) reason?: string | null;
}

@ObjectType({ description: 'A judge’s assignment after a change of the panel, or userErrors (nothing changed).' })
export class JudgeAssignmentPayload extends Payload {
  @Field(() => JudgeAssignment, { nullable: true, description: 'The assignment as it stands (removed: removedAt set); null when refused.' }) assignment?: JudgeAssignment | null;
  @Field(() => Competition, { nullable: true, description: 'The competition; null when refused.' }) competition?: Competition | null;
}

@ObjectType({ description: 'The assignment made or changed, with the entries the judge may not mark, or userErrors (nothing changed).' })
export class AssignJudgePayload extends JudgeAssignmentPayload {
  @Field(() => [Entry], {
    description: 'Active entries in this judge’s scope that they may not mark (回避: a worker of the judge’s enterprise is in the entry), in start order: name a substitute for them (assignJudge with entryIds). Empty on a refusal.',
  }) conflictedEntries: Entry[] = [];
}
