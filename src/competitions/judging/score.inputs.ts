import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Payload } from '../../common/errors.js';
import { Connection } from '../../common/relay.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Entry } from '../entries/entry.entity.js';
import { Leaderboard } from '../leaderboard/leaderboard.types.js';
import { CompetitionChange } from '../leaderboard/announce.js';
import { Stage } from '../setup/stage.entity.js';
import { Score } from './score.entity.js';
import { ScoreRevision } from './score-revision.entity.js';

@InputType({ description: 'A judge’s mark (评分) on one criterion of one entry, or a correction of their earlier mark (then with a reason).' })
export class SubmitScoreInput {
  @Field(() => ID, { nullable: true, description: 'The entry, for a stage marked in the open. Give exactly one of entryId and markingId.' }) entryId?: string | null;
  @Field(() => ID, { nullable: true, description: 'For an anonymous stage (加密评分): the marking ID from your marking list (Stage.myMarkingList); an entryId is refused there.' }) markingId?: string | null;
  @Field(() => ID, { description: 'The criterion (评分项) marked: of a stage the judge is assigned to.' }) criterionId!: string;
  @Field(() => Float, { description: 'From 0 to the criterion’s maxScore, at most two decimals.' }) value!: number;
  @Field(() => String, { nullable: true, description: 'An optional remark on the mark, up to 2000 characters; shown wherever the mark is.' }) comment?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when this corrects an earlier mark.' }) reason?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Any unique string per mark from the client (e.g. a UUID made on the tablet). A retry with the same key returns the first outcome and records nothing new.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'The mark as recorded, or userErrors (nothing recorded).' })
export class SubmitScorePayload extends Payload {
  @Field(() => Score, { nullable: true, description: 'The mark as it stands now (a retry: the mark the first request recorded); null when refused.' }) score?: Score | null;
  @Field({ nullable: true, description: 'True when this corrected an earlier mark (a revision was kept).' }) revised?: boolean;
  @Field({ nullable: true, description: 'True when this was a retry answered with the first outcome.' }) replayed?: boolean;
  @Field(() => Int, { nullable: true, description: 'The leaderboard version that includes this mark.' }) leaderboardVersion?: number | null;
}

@ObjectType({ description: 'A competition and its leaderboard after a change of the board (a freeze or unfreeze), or userErrors.' })
export class LeaderboardPayload extends Payload {
  @Field(() => Competition, { nullable: true, description: 'The competition; null when refused.' }) competition?: Competition | null;
  @Field(() => Leaderboard, { nullable: true, description: 'Its leaderboard as the caller sees it now; null when refused.' }) leaderboard?: Leaderboard | null;
}

@ObjectType({ description: 'One criterion of an entry’s score sheet: every mark and the aggregate that counts.' })
export class ScoreSheetLine {
  @Field(() => Criterion, { description: 'The criterion (评分项) of this line.' }) criterion!: Criterion;
  @Field(() => [Score], { description: 'The marks the viewer may see on this criterion, oldest first: at most one per judge of the stage (one for MEASUREMENT), so bounded by the panel’s size.' }) marks!: Score[];
  @Field(() => Float, { nullable: true, description: 'The mark that counts (JUDGEMENT: aggregated over judges), rounded half up to two decimals; null when unmarked, and for a judge who does not see the panel’s marks yet.' })
  aggregate!: number | null;
  @Field({ description: 'True when `marks` holds the panel’s marks; false for a judge who sees only their own until they have marked every criterion of the entry they are assigned to or the stage’s marking is closed (independent marking).' })
  panelVisible!: boolean;
}

@ObjectType({ description: 'Every criterion, every judge’s mark and the aggregates of one entry (评分表).' })
export class ScoreSheet {
  @Field(() => Entry, { description: 'The entry the sheet is of.' }) entry!: Entry;
  @Field(() => [ScoreSheetLine], { description: 'One line per criterion the viewer may see, in scheme order: bounded by the competition’s marking scheme.' }) lines!: ScoreSheetLine[];
  @Field(() => Float, { nullable: true, description: 'The entry’s total, rounded half up to two decimals; null for a judge, who sees only their stages.' }) total!: number | null;
  @Field(() => Int, { description: 'The marks shown on this sheet.' }) marksReceived!: number;
}

@ObjectType({ description: 'A mark was submitted or corrected.' })
export class ScoreEvent {
  @Field(() => ID, { description: 'The competition of the mark.' }) competitionId!: string;
  @Field(() => Int, { description: 'The leaderboard version this mark produced.' }) version!: number;
  @Field({ description: 'True for a correction.' }) revision!: boolean;
  @Field(() => Score, { description: 'The mark as it stands, as the subscriber may see it (its entry hidden on an anonymous stage for a judge).' }) score!: Score;
}

@ObjectType({ description: 'A change of the competition’s state: a lifecycle move, a stage’s sign-off given or voided, publication, the appeal window’s close, an appeal filed or ruled on.' })
export class CompetitionStatusEvent {
  @Field(() => CompetitionChange, { description: 'What changed.' }) change!: CompetitionChange;
  @Field(() => Competition, { description: 'The competition as it is now: its status, and when published appealWindowClosesAt.' }) competition!: Competition;
  @Field(() => Stage, { nullable: true, description: 'The stage concerned (sign-off given or voided, the contested stage of an appeal); null for changes of the whole competition.' })
  stage!: Stage | null;
  @Field(() => Int, { description: 'The leaderboard version this change produced.' }) version!: number;
}

export const ScoreConnection = Connection(Score, 'Score');
export type ScoreConnection = InstanceType<typeof ScoreConnection>;
export const ScoreRevisionConnection = Connection(ScoreRevision, 'ScoreRevision');
export type ScoreRevisionConnection = InstanceType<typeof ScoreRevisionConnection>;
