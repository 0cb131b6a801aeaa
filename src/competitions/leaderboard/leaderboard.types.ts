import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EntryStatus } from '../enums.js';

// simpleResolvers: plain data, resolved for every subscriber on every change, so no per-field middleware.
@ObjectType({ description: 'An entry’s score in one stage, scaled to 100.', simpleResolvers: true })
export class StageTotal {
  @Field(() => ID, { description: 'Global ID of the stage.' }) stageId!: string;
  @Field({ description: 'The stage’s name (赛段), as in the scheme.' }) stageName!: string;
  @Field(() => Float, { description: 'The stage’s weight in the total, in percent (the weights of a scheme add up to 100).' }) weight!: number;
  @Field(() => Float, {
    nullable: true,
    description: '0–100, rounded half up to two decimals (from the exact value). Null on the public board (and so every judge’s) while the stage’s marking is open and either the entry’s marks in this stage are not all in (评分中, so that no judge reads a colleague’s marks off the board) or the stage is anonymous (加密评分中, see Leaderboard.sealedStageIds).',
  })
  score!: number | null;
}

@ObjectType({ description: 'One line of the leaderboard.', simpleResolvers: true })
export class LeaderboardRow {
  @Field(() => Int, { nullable: true, description: 'Standard competition rank (1, 2, 2, 4); null for withdrawn and disqualified entries, and, until scoring closes, for an active entry with no mark on this board yet (none received, or on the public board none of its stage scores shown): such rows sort below every total above 0, in start order.' })
  rank!: number | null;
  @Field(() => ID, { description: 'Global ID of the entry (fetch more with node(id:)).' }) entryId!: string;
  @Field(() => Int, { nullable: true, description: 'Start number (参赛号) from the draw of lots; null before the draw.' }) startNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'Work station (工位) from the draw of lots, e.g. A07; null before the draw.' }) station!: string | null;
  @Field(() => String, { nullable: true, description: 'Team or worker name; null for the competition’s judges until it is finalized (anonymous marking).' })
  displayName!: string | null;
  @Field(() => [String], { description: 'Enterprises of the entry’s workers, at most one per worker of the entry (a team’s members); empty for judges until finalized.' }) enterpriseNames!: string[];
  @Field(() => EntryStatus, { description: 'The entry’s status: ACTIVE entries are ranked; withdrawn, disqualified and absent ones are listed unranked at the bottom.' }) status!: EntryStatus;
  @Field(() => Float, { description: 'Σ stage weight × stage score / 100, rounded half up to two decimals (from the exact value). On the public (and judges’) board, over the stage scores it shows (a held-back or sealed stage counts 0); rank follows it.' }) total!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Standardised score (WorldSkills 700 scale): 500 + 100 × (total − mean) / SD over the ranked rows of this board as shown (SD: population standard deviation), ' +
      'two decimals half up; 700 is WorldSkills’ Medallion for Excellence threshold. For comparing skills marked on different schemes; `total` stays the ranking key. ' +
      'Null for unranked rows and for every row when fewer than 3 rows are ranked; 500 for every ranked row when all totals are equal.',
  })
  standardisedScore!: number | null;
  @Field(() => [StageTotal], { description: 'One per stage of the scheme, in scheme order: bounded by the scheme’s stages.' }) stageTotals!: StageTotal[];
  @Field(() => Float, { nullable: true, description: 'Share of the expected marks received, 0–1; null on the public (and judges’) board while an anonymous stage is sealed (it would move with each anonymous mark and show whose paper was just marked).' }) completeness!: number | null;
  @Field({ description: 'Won on appeal (申诉改分): an upheld appeal’s re-marks changed at least one of this entry’s marks (public once the appeal is RESOLVED).' })
  changedOnAppeal!: boolean;
}

@ObjectType({ description: 'The ranking of a competition (排行榜) as this viewer may see it. `version` rises by one with every change, so a client can tell it missed one and refetch.' })
export class Leaderboard {
  @Field(() => ID, { description: 'Global ID of the competition.' }) competitionId!: string;
  @Field(() => Int, { description: 'Rises by one with every change of the board (a mark, a withdrawal, a freeze …): a gap means a missed change.' }) version!: number;
  @Field({ description: 'True when this is the board as it stood at the freeze (the public view while frozen).' }) frozen!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the board was frozen (封榜); null when not frozen.' }) frozenAt!: Date | null;
  @Field({ description: 'When the board last changed (the time of `version`).' }) updatedAt!: Date;
  @Field(() => [ID], { description: 'Anonymous stages whose scores this board holds back because their marking is still open (加密评分中): their stage scores are null, totals and ranks count the other stages only. Empty on the jury’s board and once every anonymous stage’s marking has closed.' })
  sealedStageIds!: string[];
  /** All rows; the `rows` field (leaderboard.resolver.ts) serves a window of them. */
  allRows!: LeaderboardRow[];
}
