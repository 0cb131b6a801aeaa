import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Level } from '../registry/enums.js';
import { InnovationCategory, StudioKind, StudioStatus } from '../studios/enums.js';
import { DecimalScalar } from '../studios/decimal.js';
import { FundingSourceKind, ProjectStage } from '../incubation/enums.js';

@InputType({ description: 'Both optional; without them the figures cover the whole city and all years.' })
export class InnovationOverviewFilter {
  @Field(() => Int, { nullable: true, description: 'Calendar year (China Standard Time); see each figure for the date it is counted by.' }) year?: number | null;
  @Field(() => String, { nullable: true, description: 'District (县区) of the enterprise the figure belongs to.' }) district?: string | null;
}

@ObjectType() export class OverviewKindCount { @Field(() => StudioKind) kind!: StudioKind; @Field(() => Int) count!: number; }
@ObjectType() export class OverviewLevelCount { @Field(() => Level) level!: Level; @Field(() => Int) count!: number; }
@ObjectType() export class OverviewStatusCount {
  @Field(() => StudioStatus) status!: StudioStatus;
  @Field(() => Int, { nullable: true, description: 'Null for a status other than ACCREDITED unless you are ADMIN or REVIEWER (those studios are not public).' })
  count!: number | null;
}
@ObjectType() export class OverviewCategoryCount { @Field(() => InnovationCategory) category!: InnovationCategory; @Field(() => Int) count!: number; }
@ObjectType() export class OverviewStageCount { @Field(() => ProjectStage) stage!: ProjectStage; @Field(() => Int) count!: number; }
@ObjectType() export class OverviewFundingBySource {
  @Field(() => FundingSourceKind) sourceKind!: FundingSourceKind;
  @Field(() => DecimalScalar, { nullable: true, description: 'Exact, for ADMIN and REVIEWER only (null otherwise, like `funding`).' }) amount!: string | null;
}

@ObjectType({
  description:
    'Studios of the district’s enterprises; with a year, those that applied in it. Every enum value is listed, zeros included. ' +
    'ADMIN and REVIEWER: every studio; everyone else: ACCREDITED (public) studios only.',
})
export class OverviewStudios {
  @Field(() => Int) total!: number;
  @Field(() => [OverviewKindCount]) byKind!: OverviewKindCount[];
  @Field(() => [OverviewLevelCount]) byLevel!: OverviewLevelCount[];
  @Field(() => [OverviewStatusCount], { description: 'By current status.' }) byStatus!: OverviewStatusCount[];
  @Field(() => Int, { description: 'ACCREDITED or SUSPENDED studios (for viewers other than ADMIN and REVIEWER: ACCREDITED ones) whose re-evaluation (复评) is due within 90 days or already past; as of now, whatever the year.' })
  dueForReevaluation!: number;
  @Field(() => Int, { description: 'Of those, the ones already past due.' }) overdueForReevaluation!: number;
}

@ObjectType({ description: 'Innovations registered (with a year: in it) by studios of the district’s enterprises; by the studios the viewer may see (see `studios`).' })
export class OverviewInnovations {
  @Field(() => Int) total!: number;
  @Field(() => [OverviewCategoryCount]) byCategory!: OverviewCategoryCount[];
  @Field(() => DecimalScalar, { description: 'Sum of their economic benefit, yuan.' }) economicBenefit!: string;
}

@ObjectType({ description: 'Advanced operating methods (先进操作法) of the district (the lead inventor’s enterprise) and their promotion (推广).' })
export class OverviewMethods {
  @Field(() => Int, { nullable: true, description: 'Submitted (with a year: in it), whatever became of them; ADMIN only (methods not named are not public), null otherwise.' })
  submitted!: number | null;
  @Field(() => Int, { description: 'Named (with a year: named in it).' }) named!: number;
  @Field(() => Int, { description: 'Distinct methods adopted by the district’s enterprises (with a year: adopted in it).' }) adopted!: number;
  @Field(() => Int, { description: 'Adoptions by the district’s enterprises.' }) adoptions!: number;
  @Field(() => Int, { description: 'Workers trained in those adoptions.' }) workersTrained!: number;
  @Field(() => DecimalScalar, { description: 'Economic benefit of those adoptions, yuan.' }) economicBenefit!: string;
}

@ObjectType({ description: 'Incubation projects of the district (the lead worker’s enterprise); with a year, those created in it.' })
export class OverviewProjects {
  @Field(() => Int) total!: number;
  @Field(() => [OverviewStageCount], { description: 'By current stage.' }) byStage!: OverviewStageCount[];
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Funding received by the district’s projects (with a year: received in it, whenever the project began), yuan, exact. ' +
      'ADMIN and REVIEWER only; null for everyone else, whatever the number of projects: a project’s funding is not public, and any ' +
      'published sum, however many projects it covers or however coarsely rounded, shows a new record’s amount when read before and after it.',
  })
  funding!: string | null;
  @Field(() => [OverviewFundingBySource]) fundingBySource!: OverviewFundingBySource[];
}

@ObjectType({ description: 'Annual reports (年度报告) of the district’s studios; with a year, the reports for it; of the studios the viewer may see (see `studios`).' })
export class OverviewStudioReports {
  @Field(() => Int) reports!: number;
  @Field(() => Int) trainees!: number;
  @Field(() => Int) apprenticesMentored!: number;
  @Field(() => Int) projectsCompleted!: number;
  @Field(() => Int) patentsFiled!: number;
  @Field(() => DecimalScalar) economicBenefit!: string;
}

@ObjectType({ description: 'Workers trained (培训职工), by where it was reported.' })
export class OverviewTraining {
  @Field(() => Int, { description: 'In adoptions of named methods.' }) byMethodAdoptions!: number;
  @Field(() => Int, { description: 'Trainees in the studios’ annual reports.' }) byStudios!: number;
  @Field(() => Int, { description: 'The two added; a worker may be counted in both.' }) total!: number;
}

@ObjectType({ description: 'Economic benefit (经济效益) in yuan, by where it was reported.' })
export class OverviewBenefit {
  @Field(() => DecimalScalar) innovations!: string;
  @Field(() => DecimalScalar) methodAdoptions!: string;
  @Field(() => DecimalScalar) studioReports!: string;
  @Field(() => DecimalScalar, { description: 'The three added, as reported (a studio’s report may include its innovations).' }) total!: string;
}

@ObjectType({ description: 'The city’s innovation figures (创新工作总览), each computed by PostgreSQL in one statement.' })
export class InnovationOverview {
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true }) district!: string | null;
  @Field(() => OverviewStudios) studios!: OverviewStudios;
  @Field(() => OverviewInnovations) innovations!: OverviewInnovations;
  @Field(() => OverviewMethods) methods!: OverviewMethods;
  @Field(() => OverviewProjects) projects!: OverviewProjects;
  @Field(() => OverviewStudioReports) studioReports!: OverviewStudioReports;
  @Field(() => OverviewTraining) workersTrained!: OverviewTraining;
  @Field(() => OverviewBenefit) economicBenefit!: OverviewBenefit;
}
