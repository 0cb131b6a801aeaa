import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.js';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { Enterprise } from './enterprise.entity.js';
import { Education, EnterpriseSize, Gender, HonorKind, ImportOutcome, Level, Ownership, SkillLevel, SkillLevelChangeKind } from './enums.js';
import { Honor } from './honor.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';
import { Worker } from './worker.entity.js';

import { SortDirection } from '../common/order-input.js';
import { orderInput } from '../common/order-input.js';
export { SortDirection };

// ── Enterprises ────────────────────────────────────────────────────────────────

@InputType({ description: 'A new enterprise in the registry (ADMIN, ORGANIZER).' })
export class CreateEnterpriseInput {
  @Field({ description: 'The registered name, 1 to 200 characters on one line.' }) name!: string;
  @Field({ description: '18-character unified social credit code; checked including its check character.' }) creditCode!: string;
  @Field(() => Ownership, { description: 'Form of ownership (所有制).' }) ownership!: Ownership;
  @Field(() => EnterpriseSize, { description: 'Size class (企业规模).' }) size!: EnterpriseSize;
  @Field({ description: 'Industry (行业), 1 to 100 characters.' }) industry!: string;
  @Field({ description: 'District (县区), 1 to 100 characters.' }) district!: string;
}

@InputType({ description: 'Only the fields given are changed.' })
export class UpdateEnterpriseInput {
  @Field(() => ID, { description: 'The Enterprise’s global ID.' }) enterpriseId!: string;
  @Field(() => String, { nullable: true, description: 'New name; unchanged when null.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'New unified social credit code (18 characters, check character verified); unchanged when null.' }) creditCode?: string | null;
  @Field(() => Ownership, { nullable: true, description: 'New form of ownership; unchanged when null.' }) ownership?: Ownership | null;
  @Field(() => EnterpriseSize, { nullable: true, description: 'New size class; unchanged when null.' }) size?: EnterpriseSize | null;
  @Field(() => String, { nullable: true, description: 'New industry; unchanged when null.' }) industry?: string | null;
  @Field(() => String, { nullable: true, description: 'New district; unchanged when null.' }) district?: string | null;
}

@ObjectType({ description: 'The outcome of createEnterprise or updateEnterprise.' })
export class EnterprisePayload extends Payload {
  @Field(() => Enterprise, { nullable: true, description: 'The enterprise as stored now; null when refused.' }) enterprise?: Enterprise | null;
}

@InputType({ description: 'Narrows the enterprises list; every condition given must hold.' })
export class EnterpriseFilter {
  @Field(() => Ownership, { nullable: true, description: 'Only this form of ownership.' }) ownership?: Ownership | null;
  @Field(() => EnterpriseSize, { nullable: true, description: 'Only this size class.' }) size?: EnterpriseSize | null;
  @Field(() => String, { nullable: true, description: 'Only this district (exact).' }) district?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this industry (exact).' }) industry?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'PRIVATE and FOREIGN_INVESTED (非公企业).' }) nonPublic?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the name, or the credit code.' }) search?: string | null;
}

export enum EnterpriseOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}

export const EnterpriseOrder = orderInput('Enterprise', EnterpriseOrderField, {
  fields: 'What to order enterprises by.',
  values: { NAME: 'By name in pinyin order (李 before 张), Chinese before Latin letters.', CREATED_AT: 'By when the enterprise was registered.' },
  input: 'How to order enterprises: a field and a direction.',
});
export type EnterpriseOrder = InstanceType<typeof EnterpriseOrder>;

export const EnterpriseConnection = Connection(Enterprise, 'Enterprise');
export type EnterpriseConnection = InstanceType<typeof EnterpriseConnection>;

// ── Workers ────────────────────────────────────────────────────────────────────

@InputType({ description: 'A worker’s own data; shared by createWorker and importWorkers rows.' })
export class WorkerData {
  @Field({ description: 'The worker’s name, 1 to 100 characters on one line.' }) name!: string;
  @Field(() => Gender, { description: 'Gender.' }) gender!: Gender;
  @Field(() => Int, { description: 'Year of birth, from 1940 to 14 years before this year.' }) birthYear!: number;
  @Field({ description: '工种' }) trade!: string;
  @Field(() => SkillLevel, { nullable: true, description: 'Skill level (职业技能等级); null when none is recorded. Recorded as the INITIAL entry of the skill level history.' }) skillLevel?: SkillLevel | null;
  @Field({ description: 'Employee number (工号), unique within the enterprise; an import matches rows by it.' }) employeeNumber!: string;
  @Field({ defaultValue: false, description: 'Migrant worker (农民工); false when omitted.' }) migrantWorker!: boolean;
  @Field(() => DateScalar, { description: 'When the worker joined the enterprise: YYYY-MM-DD, not in the future.' }) joinedAt!: string;
  @Field({ defaultValue: false, description: 'Front-line worker (一线职工); false when omitted.' }) frontLine!: boolean;
  @Field(() => Int, { nullable: true, description: 'Year the worker started in their trade: not after this year, not before birthYear + 14; null when unknown.' }) tradeStartYear?: number | null;
  @Field(() => Education, { nullable: true, description: 'Highest completed education (学历); null when unknown.' }) education?: Education | null;
}

@InputType({ description: 'A new worker in an enterprise (ADMIN, ORGANIZER).' })
export class CreateWorkerInput extends WorkerData {
  @Field(() => ID, { description: 'The Enterprise’s global ID.' }) enterpriseId!: string;
}

@InputType({ description: 'Only the fields given are changed. Skill level changes go through recordSkillLevelChange.' })
export class UpdateWorkerInput {
  @Field(() => ID, { description: 'The Worker’s global ID.' }) workerId!: string;
  @Field(() => String, { nullable: true, description: 'New name; unchanged when null.' }) name?: string | null;
  @Field(() => Gender, { nullable: true, description: 'New gender; unchanged when null.' }) gender?: Gender | null;
  @Field(() => Int, { nullable: true, description: 'New year of birth; unchanged when null.' }) birthYear?: number | null;
  @Field(() => String, { nullable: true, description: 'New trade (工种); unchanged when null.' }) trade?: string | null;
  @Field(() => String, { nullable: true, description: 'New employee number, unique within the enterprise; unchanged when null.' }) employeeNumber?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'New migrant-worker flag; unchanged when null.' }) migrantWorker?: boolean | null;
  @Field(() => DateScalar, { nullable: true, description: 'New date joined (YYYY-MM-DD); unchanged when null.' }) joinedAt?: string | null;
  @Field(() => ID, { nullable: true, description: 'Moves the worker to another enterprise.' }) enterpriseId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'New front-line flag (一线职工); unchanged when null.' }) frontLine?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'New year started in the trade (not after this year, not before birthYear + 14); unchanged when null.' }) tradeStartYear?: number | null;
  @Field(() => Education, { nullable: true, description: 'New education (学历); unchanged when null.' }) education?: Education | null;
}

@ObjectType({ description: 'The outcome of createWorker or updateWorker.' })
export class WorkerPayload extends Payload {
  @Field(() => Worker, { nullable: true, description: 'The worker as stored now; null when refused.' }) worker?: Worker | null;
}

@InputType({ description: 'An honor to record for a worker (ADMIN, ORGANIZER).' })
export class GrantHonorInput {
  @Field(() => ID, { description: 'The Worker’s global ID.' }) workerId!: string;
  @Field(() => HonorKind, { description: 'Which honor (荣誉称号).' }) kind!: HonorKind;
  @Field(() => Level, { description: 'The level of the body that granted it (县区级 … 国家级).' }) level!: Level;
  @Field(() => Int, { description: 'The year it was granted, from 1950 to this year. A worker holds one honor of a kind and level per year.' }) year!: number;
  @Field(() => String, { nullable: true, description: 'Who granted it, up to 300 characters; optional.' }) source?: string | null;
}

export enum HonorOrderField {
  YEAR = 'year',
  CREATED_AT = 'createdAt',
}

export const HonorOrder = orderInput('Honor', HonorOrderField, {
  fields: 'What to order a worker’s honors by.',
  values: { YEAR: 'By the year granted (获评年度), then by when it was recorded.', CREATED_AT: 'By when the honor was recorded in the registry.' },
  input: 'How to order a worker’s honors: a field and a direction.',
});
export type HonorOrder = InstanceType<typeof HonorOrder>;

export const HonorConnection = Connection(Honor, 'Honor');
export type HonorConnection = InstanceType<typeof HonorConnection>;

@ObjectType({ description: 'The outcome of grantHonor.' })
export class GrantHonorPayload extends Payload {
  @Field(() => Honor, { nullable: true, description: 'The honor recorded; null when refused.' }) honor?: Honor | null;
  @Field(() => Worker, { nullable: true, description: 'The worker who holds it; null when refused.' }) worker?: Worker | null;
}

@InputType({
  description: 'Rules: a worker without a level gets one with kind INITIAL; a PROMOTION (the default) goes exactly one level up; a bigger step up '
    + 'is a CORRECTION, a step down a CORRECTION, REVOCATION or ANNULMENT, and those three need a note. `at` is not before the latest recorded change.',
})
export class RecordSkillLevelChangeInput {
  @Field(() => ID, { description: 'The Worker’s global ID.' }) workerId!: string;
  @Field(() => SkillLevel, { description: 'The level the worker has from `at` on.' }) to!: SkillLevel;
  @Field(() => SkillLevelChangeKind, { defaultValue: SkillLevelChangeKind.PROMOTION, description: 'INITIAL, PROMOTION, CORRECTION, REVOCATION or ANNULMENT (COMPETITION is written by finalizeCompetition).' })
  kind!: SkillLevelChangeKind;
  @Field({ description: 'The ground, e.g. 职业技能等级认定 and the certificate.' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'Why the exceptional change: required for CORRECTION, REVOCATION and ANNULMENT.' }) note?: string | null;
  @Field(() => String, { nullable: true, description: 'Certificate number, assessment body or the like, up to 300 characters; optional.' }) source?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it took effect; now when omitted.' }) at?: Date | null;
}

@ObjectType({ description: 'The outcome of recordSkillLevelChange.' })
export class SkillLevelChangePayload extends Payload {
  @Field(() => SkillLevelChange, { nullable: true, description: 'The change recorded; null when refused.' }) change?: SkillLevelChange | null;
  @Field(() => Worker, { nullable: true, description: 'The worker with their new level; null when refused.' }) worker?: Worker | null;
}

@InputType({ description: 'A spreadsheet of workers for one enterprise (ADMIN, ORGANIZER).' })
export class ImportWorkersInput {
  @Field(() => ID, { description: 'The Enterprise’s global ID: every row belongs to it.' }) enterpriseId!: string;
  @Field(() => [WorkerData], {
    description: 'At most 10,000 rows; all are imported or none. A row whose employee number is already in the enterprise updates that worker '
      + '(its skill level must be empty or the same: level changes go through recordSkillLevelChange).',
  })
  rows!: WorkerData[];
  @Field({ defaultValue: false, description: 'Check every row and report what would happen, without writing anything.' }) dryRun!: boolean;
}

@ObjectType({ description: 'What became of one row of an import.' })
export class ImportWorkerResult {
  @Field(() => Int, { description: 'The row’s number, counting from 1 as a spreadsheet does (userErrors’ field paths index `rows` from 0).' })
  row!: number;
  @Field(() => ImportOutcome, { description: 'CREATED, UPDATED or UNCHANGED (what a dry run would do).' }) outcome!: ImportOutcome;
  @Field(() => Worker, { nullable: true, description: 'The worker as stored now; null for a row a dry run would create.' })
  worker!: Worker | null;
}

@ObjectType({ description: 'The outcome of importWorkers: per-row results and counts, or userErrors for every bad row (nothing written then).' })
export class ImportWorkersPayload extends Payload {
  @Field(() => [ImportWorkerResult], { nullable: true, description: 'One per row, in row order.' }) results?: ImportWorkerResult[] | null;
  @Field(() => Int, { nullable: true, description: 'Rows that add a worker; null when refused.' }) createdCount?: number | null;
  @Field(() => Int, { nullable: true, description: 'Rows that change an existing worker; null when refused.' }) updatedCount?: number | null;
  @Field(() => Int, { nullable: true, description: 'Rows identical to the stored worker; null when refused.' }) unchangedCount?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'True when nothing was written (dryRun).' }) dryRun?: boolean | null;
}

@InputType({ description: 'Narrows the workers list; every condition given must hold.' })
export class WorkerFilter {
  @Field(() => ID, { nullable: true, description: 'Only workers of this Enterprise (global ID).' }) enterpriseId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this trade (工种, exact).' }) trade?: string | null;
  @Field(() => SkillLevel, { nullable: true, description: 'Only workers at this skill level.' }) skillLevel?: SkillLevel | null;
  @Field(() => HonorKind, { nullable: true, description: 'Workers holding this honor.' }) honor?: HonorKind | null;
  @Field(() => Boolean, { nullable: true, description: 'true: migrant workers (农民工) only; false: the others.' }) migrantWorker?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'true: front-line workers (一线职工) only; false: the others.' }) frontLine?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the name, or the employee number.' }) search?: string | null;
}

export enum WorkerOrderField {
  NAME = 'name',
  BIRTH_YEAR = 'birthYear',
  JOINED_AT = 'joinedAt',
  CREATED_AT = 'createdAt',
}

export const WorkerOrder = orderInput('Worker', WorkerOrderField, {
  fields: 'What to order workers by.',
  values: {
    NAME: 'By name in pinyin order (李 before 张), Chinese before Latin letters.', BIRTH_YEAR: 'By year of birth.', JOINED_AT: 'By when they joined their enterprise.',
    CREATED_AT: 'By when the worker was registered.',
  },
  input: 'How to order workers: a field and a direction.',
});
export type WorkerOrder = InstanceType<typeof WorkerOrder>;

export const WorkerConnection = Connection(Worker, 'Worker');
export type WorkerConnection = InstanceType<typeof WorkerConnection>;
