/**
 * Types of the scoring engine (评分引擎). Plain data only: the engine knows nothing of the
 * database or GraphQL; services map entities to these shapes.
 */

/** How the marks of a judging panel on one JUDGEMENT criterion become one mark. */
export type Aggregation = 'MEAN' | 'TRIMMED_MEAN' | 'MEDIAN';
export const AGGREGATIONS: readonly Aggregation[] = ['MEAN', 'TRIMMED_MEAN', 'MEDIAN'];

/**
 * MEASUREMENT: objective, marked once (the caller passes at most one mark per entry).
 * JUDGEMENT: every judge assigned to the stage marks it; the marks are aggregated.
 */
export type CriterionKind = 'MEASUREMENT' | 'JUDGEMENT';
export const CRITERION_KINDS: readonly CriterionKind[] = ['MEASUREMENT', 'JUDGEMENT'];

/** 评分项 */
export interface SchemeCriterion {
  id: string;
  kind: CriterionKind;
  /** > 0, at most two decimals. */
  maxScore: number;
}

/** 赛段: weights of a scheme's stages sum to 100. */
export interface SchemeStage {
  id: string;
  weight: number;
  criteria: SchemeCriterion[];
}

export interface Scheme {
  /** In stage order (the order matters for the tie-break; see heaviestStageId). */
  stages: SchemeStage[];
  aggregation: Aggregation;
}

/**
 * One judge's current mark for one entry on one criterion (the latest revision: the
 * engine never sees superseded ones). For a MEASUREMENT criterion the caller passes at
 * most one mark per entry: when several judges recorded it, the most recent one.
 */
export interface Mark {
  entryId: string;
  criterionId: string;
  judgeId: string;
  /** In [0, criterion.maxScore]. */
  value: number;
}

/** Number of judges assigned to each stage, by stage id (missing → 0). */
export type JudgesPerStage = Readonly<Record<string, number>>;

export interface StageScore {
  stageId: string;
  /** 0–100, rounded to two decimals. */
  score: number;
}

/** What the server stores per entry and updates after each mark. */
export interface EntryResult {
  /** One per stage, in stage order. */
  stageScores: StageScore[];
  /** 0–100, rounded to two decimals; computed from the rounded stage scores. */
  total: number;
  /** Marks that count towards completeness (per criterion, at most the expected number). */
  marksReceived: number;
  marksExpected: number;
  /** marksReceived ÷ marksExpected in [0, 1]; 0 when nothing is expected. */
  completeness: number;
  /** Per stage, counted as marksReceived/marksExpected are: whether the stage's marks of this entry are all in. */
  stageMarks: StageMarks[];
}

/** One stage's marks of one entry: received (per criterion at most what it expects) and expected. */
export interface StageMarks {
  stageId: string;
  received: number;
  expected: number;
}

/** One entry as the ranking sees it. */
export interface RankInput {
  entryId: string;
  /** Rounded to two decimals (rankRows rounds again, harmlessly, to be sure). */
  total: number;
  /** Stage id → rounded stage score; a missing stage counts 0. */
  stageScores: Record<string, number>;
  /** False for withdrawn or disqualified entries (and absent ones, unless ranked last): listed last, with rank null. */
  ranked: boolean;
  /**
   * Ranked, but after every other ranked row whatever its total, all such rows sharing one rank:
   * an entrant who did not show up (ABSENT) in a competition that ranks them last.
   */
  last?: boolean;
  /** Orders fully tied rows for display (e.g. start number); then entryId does. */
  sortKey?: number | string;
  /** Needed by assignPrizes (no prize for an entry with total 0 and no marks). */
  marksReceived?: number;
}

export interface RankedRow extends RankInput {
  /** Standard competition rank (1, 2, 2, 4); null when not ranked. */
  rank: number | null;
}

/** A row of the from-scratch leaderboard: ranking plus the entry's result figures. */
export interface LeaderboardRow extends RankedRow {
  marksReceived: number;
  marksExpected: number;
  completeness: number;
}

/** An entry of a competition, as computeLeaderboard needs it. */
export interface LeaderboardEntry {
  entryId: string;
  ranked: boolean;
  sortKey?: number | string;
}

/** A prize tier (一等奖…), sized by a fixed count or by a share of the ranked entries. */
export type PrizeTier<T extends string = string> =
  | { tier: T; count: number; share?: never }
  | { tier: T; share: number; count?: never };

export interface PrizeAssignment<T extends string = string> {
  entryId: string;
  tier: T | null;
}

/** Thrown when the engine is given inputs that break its contract (a caller bug). */
export class ScoringInputError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(details.length ? `${message}: ${details.join('; ')}` : message);
    this.name = 'ScoringInputError';
  }
}
