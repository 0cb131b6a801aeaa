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

@ObjectType({ description: 'Studios of one kind.' }) export class OverviewKindCount {
  @Field(() => StudioKind, { description: 'The kind.' }) kind!: StudioKind;
  @Field(() => Int, { description: 'How many studios.' }) count!: number;
}
@ObjectType({ description: 'Studios of one level.' }) export class OverviewLevelCount {
  @Field(() => Level, { description: 'The level.' }) level!: Level;
  @Field(() => Int, { description: 'How many studios.' }) count!: number;
}
@ObjectType({ description: 'Studios in one status.' }) export class OverviewStatusCount {
  @Field(() => StudioStatus, { description: 'The status.' }) status!: StudioStatus;
  @Field(() => Int, { nullable: true, description: 'Null for a status other than ACCREDITED unless you are ADMIN or REVIEWER (those studios are not public).' })
  count!: number | null;
}
@ObjectType({ description: 'Innovations of one category.' }) export class OverviewCategoryCount {
  @Field(() => InnovationCategory, { description: 'The category.' }) category!: InnovationCategory;
  @Field(() => Int, { description: 'How many innovations.' }) count!: number;
}
@ObjectType({ description: 'Incubation projects at one stage.' }) export class OverviewStageCount {
  @Field(() => ProjectStage, { description: 'The stage.' }) stage!: ProjectStage;
  @Field(() => Int, { description: 'How many projects.' }) count!: number;
}
@ObjectType({ description: 'Funding received from one kind of source.' }) export class OverviewFundingBySource {
  @Field(() => FundingSourceKind, { description: 'The kind of source.' }) sourceKind!: FundingSourceKind;
  @Field(() => DecimalScalar, { nullable: true, description: 'Exact, for ADMIN and REVIEWER only (null otherwise, like `funding`).' }) amount!: string | null;
}

@ObjectType({
  description:
    'Studios of the district’s enterprises; with a year, those that applied in it. Every enum value is listed, zeros included. ' +
    'ADMIN and REVIEWER: every studio; everyone else: ACCREDITED (public) studios only.',
})
export class OverviewStudios {
  @Field(() => Int, { description: 'Studios counted.' }) total!: number;
  @Field(() => [OverviewKindCount], { description: 'By kind: one entry per StudioKind (4), zeros included.' }) byKind!: OverviewKindCount[];
  @Field(() => [OverviewLevelCount], { description: 'By level: one entry per Level, zeros included.' }) byLevel!: OverviewLevelCount[];
  @Field(() => [OverviewStatusCount], { description: 'By current status: one entry per StudioStatus (6).' }) byStatus!: OverviewStatusCount[];
  @Field(() => Int, { description: 'ACCREDITED or SUSPENDED studios (for viewers other than ADMIN and REVIEWER: ACCREDITED ones) whose re-evaluation (复评) is due within 90 days or already past; as of now, whatever the year.' })
  dueForReevaluation!: number;
  @Field(() => Int, { description: 'Of those, the ones already past due.' }) overdueForReevaluation!: number;
}

@ObjectType({ description: 'Innovations registered (with a year: in it) by studios of the district’s enterprises; by the studios the viewer may see (see `studios`).' })
export class OverviewInnovations {
  @Field(() => Int, { description: 'Innovations counted.' }) total!: number;
  @Field(() => [OverviewCategoryCount], { description: 'By category: one entry per InnovationCategory (5), zeros included.' }) byCategory!: OverviewCategoryCount[];
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
  @Field(() => Int, { description: 'Projects counted.' }) total!: number;
  @Field(() => [OverviewStageCount], { description: 'By current stage: one entry per ProjectStage, zeros included.' }) byStage!: OverviewStageCount[];
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Funding received by the district’s projects (with a year: received in it, whenever the project began), yuan, exact. ' +
      'ADMIN and REVIEWER only; null for everyone else, whatever the number of projects: a project’s funding is not public, and any ' +
      'published sum, however many projects it covers or however coarsely rounded, shows a new record’s amount when read before and after it.',
  })
  funding!: string | null;
  @Field(() => [OverviewFundingBySource], { description: 'Funding by kind of source: one entry per FundingSourceKind; amounts null as `funding` is.' }) fundingBySource!: OverviewFundingBySource[];
}

@ObjectType({ description: 'Annual reports (年度报告) of the district’s studios; with a year, the reports for it; of the studios the viewer may see (see `studios`).' })
export class OverviewStudioReports {
  @Field(() => Int, { description: 'Reports counted.' }) reports!: number;
  @Field(() => Int, { description: 'Workers trained, summed over the reports.' }) trainees!: number;
  @Field(() => Int, { description: 'Apprentices mentored, summed.' }) apprenticesMentored!: number;
  @Field(() => Int, { description: 'Projects completed, summed.' }) projectsCompleted!: number;
  @Field(() => Int, { description: 'Patents filed, summed.' }) patentsFiled!: number;
  @Field(() => DecimalScalar, { description: 'Economic benefit reported, yuan, exact.' }) economicBenefit!: string;
}

@ObjectType({ description: 'Workers trained (培训职工), by where it was reported.' })
export class OverviewTraining {
  @Field(() => Int, { description: 'In adoptions of named methods.' }) byMethodAdoptions!: number;
  @Field(() => Int, { description: 'Trainees in the studios’ annual reports.' }) byStudios!: number;
  @Field(() => Int, { description: 'The two added; a worker may be counted in both.' }) total!: number;
}

@ObjectType({ description: 'Economic benefit (经济效益) in yuan, by where it was reported.' })
export class OverviewBenefit {
  @Field(() => DecimalScalar, { description: 'Of the innovations counted (see `innovations`).' }) innovations!: string;
  @Field(() => DecimalScalar, { description: 'Of the method adoptions counted (see `methods`).' }) methodAdoptions!: string;
  @Field(() => DecimalScalar, { description: 'In the annual reports counted (see `studioReports`).' }) studioReports!: string;
  @Field(() => DecimalScalar, { description: 'The three added, as reported (a studio’s report may include its innovations).' }) total!: string;
}

@ObjectType({ description: 'The city’s innovation figures (创新工作总览), each computed by PostgreSQL in one statement.' })
export class InnovationOverview {
  @Field(() => Int, { nullable: true, description: 'The year asked for; null for all years.' }) year!: number | null;
  @Field(() => String, { nullable: true, description: 'The district (县区) asked for; null for the whole city.' }) district!: string | null;
  @Field(() => OverviewStudios, { description: 'Innovation studios (创新工作室).' }) studios!: OverviewStudios;
  @Field(() => OverviewInnovations, { description: 'Innovations (创新成果) registered.' }) innovations!: OverviewInnovations;
  @Field(() => OverviewMethods, { description: 'Operating methods (先进操作法) and their adoptions.' }) methods!: OverviewMethods;
  @Field(() => OverviewProjects, { description: 'Incubation projects (孵化项目) and their funding.' }) projects!: OverviewProjects;
  @Field(() => OverviewStudioReports, { description: 'The studios’ annual reports (年度报告).' }) studioReports!: OverviewStudioReports;
  @Field(() => OverviewTraining, { description: 'Workers trained (培训职工).' }) workersTrained!: OverviewTraining;
  @Field(() => OverviewBenefit, { description: 'Economic benefit (经济效益), yuan.' }) economicBenefit!: OverviewBenefit;
}
