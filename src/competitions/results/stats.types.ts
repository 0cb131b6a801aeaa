import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Ownership } from '../../registry/enums.js';
import { CompetitionKind } from '../enums.js';

@ObjectType({ description: 'Efficacy figures of one competition (竞赛成效): participation, benefit, marking progress.' })
export class CompetitionStats {
  @Field(() => Int, { description: 'Active entries (withdrawn and disqualified ones not counted).' }) entries!: number;
  @Field(() => Int, { description: 'Workers in active entries.' }) workers!: number;
  @Field(() => Int, { description: 'Enterprises of those workers (as registered at entry).' }) enterprises!: number;
  @Field(() => Int, { description: 'Of them, non-public (非公企业: PRIVATE or FOREIGN_INVESTED).' }) nonPublicEnterprises!: number;
  @Field(() => Int, {
    description:
      'Every registry worker in the competition’s scope who meets its eligibility rules (trade, skill-level range, enterprise list), plus the workers entered. ' +
      'Scope: an ENTERPRISE competition, its host enterprise; DISTRICT, the enterprises of its district; CITY and above, the whole registry. ' +
      'The competition’s own judges (users linked to a worker, on its panel now) are left out. Enterprises that sent nobody count too.',
  })
  eligibleWorkers!: number;
  @Field(() => Float, { description: '参赛率: workers ÷ eligibleWorkers (every eligible worker in scope, see eligibleWorkers), 0–1 (4 decimals); 0 when nobody is eligible.' }) participationRate!: number;
  @Field(() => Int, { description: 'Entries ranked at finalization; 0 before.' }) rankedEntries!: number;
  @Field(() => Int, { description: 'Ranked entries that won a prize, the honor or a promotion.' }) benefitedEntries!: number;
  @Field(() => Float, { description: '受益率: benefitedEntries ÷ rankedEntries, 0–1 (4 decimals); 0 until finalized.' }) benefitRate!: number;
  @Field(() => Int, {
    description:
      'Ranked entries whose standardised score at finalization is 700 or more (WorldSkills 700 scale: 500 + 100 × (total − mean) / SD over the ranked entries, ' +
      'population SD, two decimals half up; 700 is the Medallion for Excellence threshold). Comparable across skills marked on different schemes. ' +
      'None when fewer than 3 entries are ranked or all totals are equal; 0 until finalized.',
  })
  excellentEntries!: number;
  @Field(() => Int, { description: 'Marks received on active entries (per criterion at most the number expected).' }) marksReceived!: number;
  @Field(() => Int, {
    description: 'Marks expected of active entries: per entry one per MEASUREMENT criterion plus, per JUDGEMENT criterion, the active judges of its stage.',
  })
  marksExpected!: number;
  @Field(() => Int, { description: 'Skill-level promotions this competition wrote to the registry.' }) promotions!: number;
  @Field(() => Int, { description: 'Honors (TECHNICAL_EXPERT) this competition wrote to the registry.' }) honors!: number;
}

@InputType({ description: 'Which finalized competitions an efficacy report covers.' })
export class EfficacyFilter {
  @Field(() => Int, { description: 'Competitions finalized in this calendar year (China Standard Time).' }) year!: number;
  @Field(() => String, { nullable: true, description: 'Only participation from enterprises of this district (县区).' }) district?: string | null;
  @Field(() => CompetitionKind, { nullable: true, description: 'Only competitions of this kind; all kinds when null.' }) kind?: CompetitionKind | null;
  @Field(() => Ownership, { nullable: true, description: 'Only enterprises of this ownership (所有制): participation in competitions, and every other section of the report.' })
  ownership?: Ownership | null;
}

/** The report's filter, cleaned: what every section of an EfficacyReport reads (root.filter). */
export interface EfficacyScope {
  year: number;
  district: string | null;
  ownership: Ownership | null;
  kind: CompetitionKind | null;
}

@ObjectType({
  description:
    'Efficacy figures of a group of finalized competitions. A team entry with workers of several districts or ownerships counts in each of their lines, ' +
    'so lines may add up to more than the totals.',
})
export class EfficacyLine {
  @Field(() => CompetitionKind, { nullable: true, description: 'Set in byKind lines.' }) kind!: CompetitionKind | null;
  @Field(() => String, { nullable: true, description: 'Set in byDistrict lines: district of the participating enterprises.' }) district!: string | null;
  @Field(() => Ownership, { nullable: true, description: 'Set in byOwnership lines: ownership of the participating enterprises.' }) ownership!: Ownership | null;
  @Field(() => Int, { description: 'Competitions held (finalized) with participation in this group.' }) competitions!: number;
  @Field(() => Int, { description: 'Active entries.' }) entries!: number;
  @Field(() => Int, { description: 'Distinct enterprises taking part.' }) enterprises!: number;
  @Field(() => Int, { description: 'Worker participations (a worker in two competitions counts twice).' }) workers!: number;
  @Field(() => Int, { description: 'Per competition, its eligible workers in scope (CompetitionStats.eligibleWorkers: host enterprise, district or whole registry by level; its judges left out), entered ones included, placed by their enterprise.' }) eligibleWorkers!: number;
  @Field(() => Float, { description: '参赛率: workers ÷ eligibleWorkers (4 decimals).' }) participationRate!: number;
  @Field(() => Int, { description: 'Entries ranked at finalization in these competitions.' }) rankedEntries!: number;
  @Field(() => Int, { description: 'Ranked entries with a prize, the honor or a promotion.' }) benefitedEntries!: number;
  @Field(() => Float, { description: '受益率: benefitedEntries ÷ rankedEntries (4 decimals).' }) benefitRate!: number;
  @Field(() => Int, { description: 'Ranked entries at or above 700 on the standardised (WorldSkills 700) scale of their own competition: see CompetitionStats.excellentEntries.' })
  excellentEntries!: number;
  @Field(() => Int, { description: 'Skill-level promotions granted.' }) promotions!: number;
  @Field(() => Int, { description: 'Honors granted.' }) honors!: number;
}

@ObjectType({ description: 'Efficacy evaluation (成效评估) of the competitions finalized in a year: participation and benefit rates, promotions, honors.' })
export class EfficacyReport {
  @Field(() => Int, { description: 'The calendar year reported (China Standard Time).' }) year!: number;
  @Field(() => [EfficacyLine], { description: 'Per competition kind.' }) byKind!: EfficacyLine[];
  @Field(() => [EfficacyLine], { description: 'Per district of the participating enterprises.' }) byDistrict!: EfficacyLine[];
  @Field(() => [EfficacyLine], { description: 'Per ownership of the participating enterprises.' }) byOwnership!: EfficacyLine[];
  @Field(() => EfficacyLine, { description: 'All of them together.' }) totals!: EfficacyLine;
  /**
   * Not in GraphQL: the filter the report was asked with. Other modules add sections to the report as
   * @FieldResolver(() => …) on EfficacyReport in their own resolvers, reading root.filter.
   */
  filter!: EfficacyScope;
}
