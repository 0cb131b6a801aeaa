import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Competition } from '../setup/competition.entity.js';
import { Appeal } from './appeal.entity.js';
import { AppealDecision } from './appeal.enums.js';
import { AppealRemark } from './appeal-remark.entity.js';

@InputType({ description: 'An appeal against exactly one of: one stage of the entry (every criterion of it), or one criterion.' })
export class FileAppealInput {
  @Field(() => ID, { description: 'The entry whose marks are contested.' }) entryId!: string;
  @Field(() => ID, { nullable: true, description: 'Contest the whole stage (every criterion of it).' }) stageId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Contest one criterion.' }) criterionId?: string | null;
  @Field({ description: 'Why (申诉理由), 1–2000 characters; seen by the parties, the organizer and the arbitrators only.' }) grounds!: string;
}

@ObjectType({ description: 'The appeal, or userErrors.' })
export class FileAppealPayload extends Payload {
  @Field(() => Appeal, { nullable: true, description: 'The appeal filed (or the open one returned); null when refused.' }) appeal?: Appeal | null;
  @Field({ nullable: true, description: 'True when an appeal for this entry and criterion (or stage) was open already: it is returned, nothing new was filed.' })
  existing?: boolean;
}

@InputType({ description: 'The arbitrators’ ruling (仲裁) on a FILED appeal.' })
export class RuleOnAppealInput {
  @Field(() => ID, { description: 'The FILED appeal to rule on.' }) appealId!: string;
  @Field(() => AppealDecision, { description: 'UPHELD (the contested marks are re-marked by the judges named) or DISMISSED.' }) decision!: AppealDecision;
  @Field({ description: 'Why (required, 1–2000 characters).' }) reason!: string;
  @Field(() => [ID], {
    defaultValue: [],
    description: 'UPHELD: the users who re-mark the contested marks (JUDGE role; not of the entrant’s enterprise; none who gave a contested mark; at least as many as the most marks one contested criterion has). DISMISSED: none.',
  })
  remarkJudgeIds!: string[];
}

@ObjectType({ description: 'The appeal, or userErrors.' })
export class AppealPayload extends Payload {
  @Field(() => Appeal, { nullable: true, description: 'The appeal as ruled; null when refused.' }) appeal?: Appeal | null;
}

@InputType({ description: 'A named judge’s re-mark (复评) of one contested mark of an upheld appeal: name the mark (scoreId) or its criterion (criterionId: the next mark of it not yet re-marked).' })
export class SubmitAppealMarkInput {
  @Field(() => ID, { description: 'The UPHELD appeal whose contested mark is re-marked.' }) appealId!: string;
  @Field(() => ID, { nullable: true, description: 'The contested Score to re-mark (see Appeal.remarks); or give criterionId instead.' }) scoreId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The contested criterion: its next mark not yet re-marked; or give scoreId instead.' }) criterionId?: string | null;
  @Field(() => Float, { description: '0 to the criterion’s maxScore, two decimals at most.' }) value!: number;
  @Field(() => String, { nullable: true, description: 'The re-marking judge’s note, up to 2000 characters; recorded with the mark’s revision.' }) comment?: string | null;
}

@ObjectType({ description: 'The re-mark and its appeal (RESOLVED after the last contested mark), or userErrors.' })
export class SubmitAppealMarkPayload extends Payload {
  @Field(() => Appeal, { nullable: true, description: 'The appeal, RESOLVED once its last contested mark is re-marked; null when refused.' }) appeal?: Appeal | null;
  @Field(() => AppealRemark, { nullable: true, description: 'The contested mark with its re-mark; null when refused.' }) remark?: AppealRemark | null;
}

@ObjectType({ description: 'The result of publishResults.' })
export class PublishResultsPayload extends Payload {
  @Field(() => Competition, { nullable: true, description: 'The competition, now RESULTS_PUBLISHED (成绩公示) with its appeal window open; null when refused.' }) competition?: Competition | null;
}

export const AppealConnection = Connection(Appeal, 'Appeal');
export type AppealConnection = InstanceType<typeof AppealConnection>;

export const AppealRemarkConnection = Connection(AppealRemark, 'AppealRemark');
export type AppealRemarkConnection = InstanceType<typeof AppealRemarkConnection>;
