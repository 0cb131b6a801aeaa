import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { DateScalar } from '../common/date.js';
import { Honor } from '../registry/honor.entity.js';
import { HonorKind, Level, SkillLevel } from '../registry/enums.js';
import { CalendarDay } from './calendar-day.entity.js';
import { HonorCampaign } from './campaign.entity.js';
import { CalendarDayKind, CampaignStatus, NominationStatus } from './enums.js';
import { Nomination, NominationScore, VettingClearance } from './nomination.entity.js';
import { Objection } from './objection.entity.js';
import { orderInput } from '../common/order-input.js';

const CAMPAIGN_ID = 'The campaign (an HonorCampaign ID).';
const NOMINATION_ID = 'The nomination (a Nomination ID).';

@InputType({ description: 'A review criterion (评审标准) of a new campaign.' })
export class CampaignCriterionInput {
  @Field({ description: 'What is judged; one line of at most 100 characters.' }) name!: string;
  @Field(() => Int, { description: 'The most marks it gives, 1–100.' }) maxScore!: number;
}

@InputType({ description: 'A new honor selection campaign (评选表彰).' })
export class OpenHonorCampaignInput {
  @Field({ description: 'Title; one line of at most 200 characters.' }) title!: string;
  @Field(() => HonorKind, { description: 'The honor, e.g. CRAFTSMAN (港城大工匠).' }) honorKind!: HonorKind;
  @Field(() => Level, { description: 'Its level; PROVINCE or NATIONAL ends in a recommendation list, not a conferral.' }) level!: Level;
  @Field(() => Int, { description: 'The year of the honor (2000 to two years ahead).' }) year!: number;
  @Field(() => [String], { nullable: true, description: 'Trades whose workers may be nominated (at most 50, distinct); none = any.' }) eligibleTrades?: string[] | null;
  @Field(() => SkillLevel, { nullable: true, description: 'The lowest skill level a nominee holds; none = any.' }) minSkillLevel?: SkillLevel | null;
  @Field(() => [HonorKind], { nullable: true, description: 'A nominee must hold one of these honors already; none = no honor needed.' }) requiredHonorKinds?: HonorKind[] | null;
  @Field(() => Int, { nullable: true, description: 'Years in the trade at least (0–60); none = no minimum.' }) minYearsInTrade?: number | null;
  @Field(() => Int, { description: 'Places (名额), 1–1000.' }) quota!: number;
  @Field(() => Int, { description: 'Percentage of the places kept for front-line workers (0–100): ceil(share × quota) places.' }) frontLineSharePercent!: number;
  @Field(() => DateScalar, { description: 'First day of the nomination window.' }) nominationOpensOn!: string;
  @Field(() => DateScalar, { description: 'Last day of the nomination window; not before the first.' }) nominationClosesOn!: string;
  @Field(() => Int, { description: 'Nominations per enterprise at most, 1–1000.' }) perEnterpriseCap!: number;
  @Field(() => [CampaignCriterionInput], { description: 'The published review criteria, in order (1–10).' }) criteria!: CampaignCriterionInput[];
  @Field(() => [ID], { description: 'The review panel: users holding REVIEWER (1–50).' }) reviewerUserIds!: string[];
  @Field(() => [String], { nullable: true, description: 'Vetting departments (1–10, distinct); default 纪检监察, 安全生产, 税务, 信访.' }) vettingDepartments?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Notice period in working days (1–30); default 5.' }) noticeWorkingDays?: number | null;
}

@InputType({ description: 'Names a campaign to move.' })
export class HonorCampaignInput {
  @Field(() => ID, { description: CAMPAIGN_ID }) campaignId!: string;
}

@InputType({ description: 'Publishes a campaign’s shortlist (公示).' })
export class PublishShortlistInput {
  @Field(() => ID, { description: CAMPAIGN_ID }) campaignId!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The first day of the notice: today when omitted. An earlier date records a notice already posted before it was entered here (e.g. on paper), ADMIN only; ' +
      'not after today, not before the nomination window opened. Nominees moved up later get their notice from the day they move up.',
  })
  noticeStartsOn?: string | null;
}

@InputType({ description: 'Concludes a campaign whose notice is over: conferral (表彰) or, for a provincial or national honor, the recommendation list.' })
export class ConcludeHonorCampaignInput {
  @Field(() => ID, { description: CAMPAIGN_ID }) campaignId!: string;
  @Field({ description: 'The document number (文号) of the conferral or recommendation, e.g. 港政字〔2027〕12号; at most 100 characters.' }) documentNumber!: string;
}

@InputType({ description: 'A worker put forward (推荐) for a campaign.' })
export class NominateForHonorInput {
  @Field(() => ID, { description: CAMPAIGN_ID }) campaignId!: string;
  @Field(() => ID, { description: 'The nominee (a Worker ID); a NOMINATOR may nominate workers of their own enterprise only.' }) workerId!: string;
  @Field({ description: 'The nominating statement (推荐事迹); at most 5000 characters.' }) statement!: string;
  @Field(() => [ID], { defaultValue: [], description: 'Innovations (Innovation IDs) the nominee is an inventor of (at most 20).' }) innovationIds!: string[];
  @Field(() => [ID], { defaultValue: [], description: 'NAMED operating methods (OperatingMethod IDs) the nominee invented (at most 20).' }) methodIds!: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Competition awards (Award IDs) of entries the nominee was in (at most 20).' }) awardIds!: string[];
  @Field(() => DateScalar, { description: 'First day of the notice inside the enterprise.' }) internalNoticeFrom!: string;
  @Field(() => DateScalar, { description: 'Last day of the notice inside the enterprise; not after today.' }) internalNoticeTo!: string;
}

@InputType({ description: 'A panel reviewer’s marks for one nomination; again to correct.' })
export class ScoreNominationInput {
  @Field(() => ID, { description: NOMINATION_ID }) nominationId!: string;
  @Field(() => [Int], { description: 'One mark per criterion in the campaign’s order, each 0 to the criterion’s maxScore.' }) marks!: number[];
}

@InputType({ description: 'A vetting department’s answer for a nominee (联审意见); again to correct.' })
export class RecordVettingClearanceInput {
  @Field(() => ID, { description: NOMINATION_ID }) nominationId!: string;
  @Field({ description: 'One of the campaign’s vettingDepartments.' }) department!: string;
  @Field({ description: 'True: nothing against the nominee; false: the nominee is not ranked.' }) cleared!: boolean;
  @Field(() => String, { nullable: true, description: 'The department’s note; at most 2000 characters.' }) note?: string | null;
}

@InputType({ description: 'An objection (异议) to a shortlisted nominee during their notice period.' })
export class LodgeObjectionInput {
  @Field(() => ID, { description: NOMINATION_ID }) nominationId!: string;
  @Field({ description: 'The grounds; at most 5000 characters. Who lodged it only the campaign’s organizer sees.' }) grounds!: string;
}

@InputType({ description: 'The organizer’s finding on an objection.' })
export class ResolveObjectionInput {
  @Field(() => ID, { description: 'The objection (an Objection ID).' }) objectionId!: string;
  @Field({ description: 'True: upheld (the nominee is removed, the next moves up); false: dismissed.' }) uphold!: boolean;
  @Field({ description: 'The finding (处理意见); at most 2000 characters.' }) reason!: string;
}

@InputType({ description: 'Revokes (撤销) an honor; it stays on record with the reason.' })
export class RevokeHonorInput {
  @Field(() => ID, { description: 'The honor (an Honor ID).' }) honorId!: string;
  @Field({ description: 'Why; at most 2000 characters.' }) reason!: string;
}

@InputType({ description: 'Puts a date on the working-day calendar (or changes it).' })
export class SetCalendarDayInput {
  @Field(() => DateScalar, { description: 'The date.' }) date!: string;
  @Field(() => CalendarDayKind, { description: 'Holiday or swapped working day.' }) kind!: CalendarDayKind;
  @Field({ description: 'What the day is, e.g. 春节; at most 100 characters.' }) name!: string;
}

@InputType({ description: 'Takes a date off the working-day calendar.' })
export class RemoveCalendarDayInput {
  @Field(() => DateScalar, { description: 'The date.' }) date!: string;
}

@InputType({ description: 'Which campaigns to list; all given conditions must hold.' })
export class HonorCampaignFilter {
  @Field(() => CampaignStatus, { nullable: true, description: 'Only campaigns in this state.' }) status?: CampaignStatus | null;
  @Field(() => Int, { nullable: true, description: 'Only this year’s.' }) year?: number | null;
  @Field(() => HonorKind, { nullable: true, description: 'Only this honor.' }) honorKind?: HonorKind | null;
}

export enum HonorCampaignOrderField {
  CREATED_AT = 'createdAt',
  YEAR = 'year',
  TITLE = 'title',
}

export const HonorCampaignOrder = orderInput('HonorCampaign', HonorCampaignOrderField, {
  fields: 'What to order campaigns by; ties are broken by ID.',
  values: { CREATED_AT: 'When it was opened.', YEAR: 'The honor’s year.', TITLE: 'Title, in pinyin order.' },
  input: 'The order of a campaign list.',
});
export type HonorCampaignOrder = InstanceType<typeof HonorCampaignOrder>;

@InputType({ description: 'Which nominations to list.' })
export class NominationFilter {
  @Field(() => NominationStatus, { nullable: true, description: 'Only nominations in this state.' }) status?: NominationStatus | null;
}

export enum NominationOrderField {
  NOMINATED_AT = 'nominatedAt',
  SCORE = 'score',
}

export const NominationOrder = orderInput('Nomination', NominationOrderField, {
  fields: 'What to order nominations by; ties are broken by ID.',
  values: { NOMINATED_AT: 'When it was made.', SCORE: 'The review score (0 until the shortlist is published).' },
  input: 'The order of a nomination list.',
});
export type NominationOrder = InstanceType<typeof NominationOrder>;

@InputType({ description: 'Which conferred honors to list.' })
export class ConferredHonorFilter {
  @Field(() => Int, { nullable: true, description: 'Only this year’s.' }) year?: number | null;
  @Field(() => HonorKind, { nullable: true, description: 'Only this honor.' }) kind?: HonorKind | null;
  @Field(() => ID, { nullable: true, description: 'Only those of this campaign (an HonorCampaign ID).' }) campaignId?: string | null;
}

@ObjectType({ description: 'A campaign’s nominations in figures.' })
export class CampaignCounts {
  @Field(() => Int, { description: 'Nominations made.' }) nominations!: number;
  @Field(() => Int, { description: 'Nominees on the shortlist now.' }) shortlisted!: number;
  @Field(() => Int, { description: 'Nominees removed on an upheld objection.' }) removed!: number;
  @Field(() => Int, { description: 'Objections not yet resolved.' }) openObjections!: number;
  @Field(() => Int, { description: 'Honors conferred (or nominees recommended).' }) concluded!: number;
}

@ObjectType({ description: 'An honor a campaign conferred, as the public list shows it (表彰名单).' })
export class ConferredHonor {
  @Field(() => ID, { description: 'The Honor’s global ID.' }) id!: string;
  @Field({ description: 'The holder’s name.' }) workerName!: string;
  @Field({ description: 'The holder’s enterprise name.' }) enterpriseName!: string;
  @Field(() => HonorKind, { description: 'The honor.' }) kind!: HonorKind;
  @Field(() => Level, { description: 'Its level.' }) level!: Level;
  @Field(() => Int, { description: 'Its year.' }) year!: number;
  @Field(() => String, { nullable: true, description: 'The document number (文号).' }) documentNumber!: string | null;
  @Field(() => HonorCampaign, { nullable: true, description: 'The campaign that conferred it.' }) campaign!: HonorCampaign | null;
  @Field({ description: 'When it was conferred.' }) conferredAt!: Date;
}

@ObjectType({ description: 'The result of a change to a campaign.' })
export class HonorCampaignPayload extends Payload {
  @Field(() => HonorCampaign, { nullable: true, description: 'The campaign as changed; null when refused.' }) campaign?: HonorCampaign | null;
}

@ObjectType({ description: 'The result of a nomination.' })
export class NominationPayload extends Payload {
  @Field(() => Nomination, { nullable: true, description: 'The nomination; null when refused.' }) nomination?: Nomination | null;
}

@ObjectType({ description: 'The result of scoring a nomination.' })
export class ScoreNominationPayload extends Payload {
  @Field(() => NominationScore, { nullable: true, description: 'Your marks as recorded; null when refused.' }) score?: NominationScore | null;
  @Field(() => Nomination, { nullable: true, description: 'The nomination; null when refused.' }) nomination?: Nomination | null;
}

@ObjectType({ description: 'The result of recording a clearance.' })
export class RecordVettingClearancePayload extends Payload {
  @Field(() => VettingClearance, { nullable: true, description: 'The clearance as recorded; null when refused.' }) clearance?: VettingClearance | null;
  @Field(() => Nomination, { nullable: true, description: 'The nomination; null when refused.' }) nomination?: Nomination | null;
}

@ObjectType({ description: 'The result of lodging or resolving an objection.' })
export class ObjectionPayload extends Payload {
  @Field(() => Objection, { nullable: true, description: 'The objection; null when refused.' }) objection?: Objection | null;
  @Field(() => [Nomination], { nullable: true, description: 'Nominees moved onto the shortlist by an upheld objection (at most the quota); empty otherwise; null when refused.' })
  movedUp?: Nomination[] | null;
}

@ObjectType({ description: 'The result of revoking an honor.' })
export class RevokeHonorPayload extends Payload {
  @Field(() => Honor, { nullable: true, description: 'The honor, now revoked; null when refused.' }) honor?: Honor | null;
}

@ObjectType({ description: 'The result of a change to the working-day calendar.' })
export class CalendarDayPayload extends Payload {
  @Field(() => CalendarDay, { nullable: true, description: 'The day as set; null when removed or refused.' }) day?: CalendarDay | null;
  @Field(() => DateScalar, { nullable: true, description: 'The date removed; null unless removing.' }) removedDate?: string | null;
}

export const HonorCampaignConnection = Connection(HonorCampaign, 'HonorCampaign');
export type HonorCampaignConnection = InstanceType<typeof HonorCampaignConnection>;
export const NominationConnection = Connection(Nomination, 'Nomination');
export type NominationConnection = InstanceType<typeof NominationConnection>;
export const ObjectionConnection = Connection(Objection, 'Objection');
export type ObjectionConnection = InstanceType<typeof ObjectionConnection>;
export const ConferredHonorConnection = Connection(ConferredHonor, 'ConferredHonor');
export type ConferredHonorConnection = InstanceType<typeof ConferredHonorConnection>;
