import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Criterion } from '../setup/criterion.entity.js';

/** The documented thresholds of the judge report (docs/judging-statistics.md); one place for the SQL and the schema. */
export const FLAG_SHARE_OF_MAX = 0.1;
export const FLAG_MIN_COMPARED_MARKS = 3;

@ObjectType({
  description:
    'One judge’s marking pattern on one JUDGEMENT criterion (WorldSkills CIS judge report). Only the current marks of ACTIVE entries count ' +
    '(withdrawn and disqualified entries are left out, for the judge and for the panel). The panel mean a mark is compared with is the mean of the ' +
    'OTHER judges’ current marks on the same entry and criterion (the judge’s own mark excluded). Figures are computed in PostgreSQL numeric and ' +
    'rounded half up to two decimals. See docs/judging-statistics.md.',
})
export class JudgeReportLine {
  @Field(() => ID, { description: 'Global ID of the judge (a User).' }) judgeId!: string;
  @Field({ description: 'The judge’s name: the report is for the jury, who know the panel.' }) judgeName!: string;
  @Field({ description: 'False when the judge has since been removed from the panel (their marks still count).' }) onPanel!: boolean;
  @Field(() => Criterion, { description: 'The JUDGEMENT criterion of this line.' }) criterion!: Criterion;
  /** The criterion's uuid, for the field resolver. */
  criterionId!: string;
  @Field(() => Int, { description: 'Marks the judge gave on this criterion (current values, active entries).' }) marks!: number;
  @Field(() => Int, { description: 'Of them, marks on an entry at least one other judge also marked on this criterion: the deviation figures are over these.' })
  comparedMarks!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean of (mark − mean of the other judges’ marks on the same entry): positive = lenient, negative = severe. Null when comparedMarks is 0.',
  })
  meanDeviation!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of |mark − mean of the other judges’ marks|. Null when comparedMarks is 0.' })
  meanAbsoluteDeviation!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Spread: population standard deviation of the judge’s deviations (how consistent their leniency or severity is). Null when comparedMarks is 0.',
  })
  spread!: number | null;
  @Field(() => Int, { description: 'Marks on an entry with a panel of at least 3 marks on this criterion (where a trimmed mean drops a highest and a lowest).' })
  panelsOfThree!: number;
  @Field(() => Int, { description: 'Of panelsOfThree, how often the judge’s mark was the highest, strictly above every other mark. A shared highest mark counts for nobody.' })
  trimmedHigh!: number;
  @Field(() => Int, { description: 'Of panelsOfThree, how often the judge’s mark was the lowest, strictly below every other mark. A shared lowest mark counts for nobody.' })
  trimmedLow!: number;
  @Field({
    description: `Systematic deviation: |meanDeviation| (as rounded) > ${FLAG_SHARE_OF_MAX * 100} % of the criterion’s maxScore, with comparedMarks ≥ ${FLAG_MIN_COMPARED_MARKS}.`,
  })
  flagged!: boolean;
}

@ObjectType({ description: 'Judge marking-pattern report (裁判评分分析): per judge and JUDGEMENT criterion, severity or leniency against the rest of the panel.' })
export class JudgeReport {
  @Field(() => Float, { description: `The flag threshold as a share of a criterion’s maxScore (${FLAG_SHARE_OF_MAX}).` }) flagShareOfMaxScore!: number;
  @Field(() => Int, { description: `Compared marks a judge needs on a criterion before a flag is raised (${FLAG_MIN_COMPARED_MARKS}).` }) flagMinimumMarks!: number;
  @Field(() => [JudgeReportLine], {
    description:
      'One line per judge and JUDGEMENT criterion the judge marked, in stage order, criterion order, then judge name. Bounded by panel × criteria (as a score sheet), so a list.',
  })
  lines!: JudgeReportLine[];
}
