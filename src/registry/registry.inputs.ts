import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/date.js';
import { Payload } from '../common/errors.js';
import { Connection } from '../common/relay.js';
import { Enterprise } from './enterprise.entity.js';
import { EnterpriseSize, Gender, HonorKind, ImportOutcome, Level, Ownership, SkillLevel, SkillLevelChangeKind } from './enums.js';
import { Honor } from './honor.entity.js';
import { SkillLevelChange } from './skill-level-change.entity.js';
import { Worker } from './worker.entity.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

// ── Enterprises ────────────────────────────────────────────────────────────────

@InputType()
export class CreateEnterpriseInput {
  @Field() name!: string;
  @Field({ description: '18-character unified social credit code; checked including its check character.' }) creditCode!: string;
  @Field(() => Ownership) ownership!: Ownership;
  @Field(() => EnterpriseSize) size!: EnterpriseSize;
  @Field() industry!: string;
  @Field() district!: string;
}

@InputType({ description: 'Only the fields given are changed.' })
export class UpdateEnterpriseInput {
  @Field(() => ID) enterpriseId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field(() => Ownership, { nullable: true }) ownership?: Ownership | null;
  @Field(() => EnterpriseSize, { nullable: true }) size?: EnterpriseSize | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => String, { nullable: true }) district?: string | null;
}

@ObjectType()
export class EnterprisePayload extends Payload {
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise | null;
}

@InputType()
export class EnterpriseFilter {
  @Field(() => Ownership, { nullable: true }) ownership?: Ownership | null;
  @Field(() => EnterpriseSize, { nullable: true }) size?: EnterpriseSize | null;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'PRIVATE and FOREIGN_INVESTED (非公企业).' }) nonPublic?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the name, or the credit code.' }) search?: string | null;
}

export enum EnterpriseOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(EnterpriseOrderField, {
  name: 'EnterpriseOrderField',
  description: 'What to order enterprises by.',
  valuesConfig: { NAME: { description: 'By name in pinyin order (李 before 张), Chinese before Latin letters.' } },
});

@InputType()
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField) field!: EnterpriseOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

export const EnterpriseConnection = Connection(Enterprise, 'Enterprise');
export type EnterpriseConnection = InstanceType<typeof EnterpriseConnection>;

// ── Workers ────────────────────────────────────────────────────────────────────

@InputType({ description: 'A worker’s own data; shared by createWorker and importWorkers rows.' })
export class WorkerData {
  @Field() name!: string;
  @Field(() => Gender) gender!: Gender;
  @Field(() => Int) birthYear!: number;
  @Field({ description: '工种' }) trade!: string;
  @Field(() => SkillLevel, { nullable: true }) skillLevel?: SkillLevel | null;
  @Field() employeeNumber!: string;
  @Field({ defaultValue: false }) migrantWorker!: boolean;
  @Field(() => DateScalar) joinedAt!: string;
}

@InputType()
export class CreateWorkerInput extends WorkerData {
  @Field(() => ID) enterpriseId!: string;
}

@InputType({ description: 'Only the fields given are changed. Skill level changes go through recordSkillLevelChange.' })
export class UpdateWorkerInput {
  @Field(() => ID) workerId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => Int, { nullable: true }) birthYear?: number | null;
  @Field(() => String, { nullable: true }) trade?: string | null;
  @Field(() => String, { nullable: true }) employeeNumber?: string | null;
  @Field(() => Boolean, { nullable: true }) migrantWorker?: boolean | null;
  @Field(() => DateScalar, { nullable: true }) joinedAt?: string | null;
  @Field(() => ID, { nullable: true, description: 'Moves the worker to another enterprise.' }) enterpriseId?: string | null;
}

@ObjectType()
export class WorkerPayload extends Payload {
  @Field(() => Worker, { nullable: true }) worker?: Worker | null;
}

@InputType()
export class GrantHonorInput {
  @Field(() => ID) workerId!: string;
  @Field(() => HonorKind) kind!: HonorKind;
  @Field(() => Level) level!: Level;
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true }) source?: string | null;
}

export enum HonorOrderField {
  YEAR = 'year',
  CREATED_AT = 'createdAt',
}
registerEnumType(HonorOrderField, {
  name: 'HonorOrderField',
  description: 'What to order a worker’s honors by.',
  valuesConfig: {
    YEAR: { description: 'By the year granted (获评年度), then by when it was recorded.' },
    CREATED_AT: { description: 'By when the honor was recorded in the registry.' },
  },
});

@InputType({ description: 'How to order a worker’s honors: a field and a direction.' })
export class HonorOrder {
  @Field(() => HonorOrderField, { description: 'What to order by.' }) field!: HonorOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (the default) or descending.' }) direction!: SortDirection;
}

export const HonorConnection = Connection(Honor, 'Honor');
export type HonorConnection = InstanceType<typeof HonorConnection>;

@ObjectType()
export class GrantHonorPayload extends Payload {
  @Field(() => Honor, { nullable: true }) honor?: Honor | null;
  @Field(() => Worker, { nullable: true }) worker?: Worker | null;
}

@InputType({
  description: 'Rules: a worker without a level gets one with kind INITIAL; a PROMOTION (the default) goes exactly one level up; a bigger step up '
    + 'is a CORRECTION, a step down a CORRECTION, REVOCATION or ANNULMENT, and those three need a note. `at` is not before the latest recorded change.',
})
export class RecordSkillLevelChangeInput {
  @Field(() => ID) workerId!: string;
  @Field(() => SkillLevel) to!: SkillLevel;
  @Field(() => SkillLevelChangeKind, { defaultValue: SkillLevelChangeKind.PROMOTION, description: 'INITIAL, PROMOTION, CORRECTION, REVOCATION or ANNULMENT (COMPETITION is written by finalizeCompetition).' })
  kind!: SkillLevelChangeKind;
  @Field({ description: 'The ground, e.g. 职业技能等级认定 and the certificate.' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'Why the exceptional change: required for CORRECTION, REVOCATION and ANNULMENT.' }) note?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it took effect; now when omitted.' }) at?: Date | null;
}

@ObjectType()
export class SkillLevelChangePayload extends Payload {
  @Field(() => SkillLevelChange, { nullable: true }) change?: SkillLevelChange | null;
  @Field(() => Worker, { nullable: true }) worker?: Worker | null;
}

@InputType()
export class ImportWorkersInput {
  @Field(() => ID) enterpriseId!: string;
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
  @Field(() => ImportOutcome) outcome!: ImportOutcome;
  @Field(() => Worker, { nullable: true, description: 'The worker as stored now; null for a row a dry run would create.' })
  worker!: Worker | null;
}

@ObjectType()
export class ImportWorkersPayload extends Payload {
  @Field(() => [ImportWorkerResult], { nullable: true, description: 'One per row, in row order.' }) results?: ImportWorkerResult[] | null;
  @Field(() => Int, { nullable: true }) createdCount?: number | null;
  @Field(() => Int, { nullable: true }) updatedCount?: number | null;
  @Field(() => Int, { nullable: true }) unchangedCount?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'True when nothing was written (dryRun).' }) dryRun?: boolean | null;
}

@InputType()
export class WorkerFilter {
  @Field(() => ID, { nullable: true }) enterpriseId?: string | null;
  @Field(() => String, { nullable: true }) trade?: string | null;
  @Field(() => SkillLevel, { nullable: true }) skillLevel?: SkillLevel | null;
  @Field(() => HonorKind, { nullable: true, description: 'Workers holding this honor.' }) honor?: HonorKind | null;
  @Field(() => Boolean, { nullable: true }) migrantWorker?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the name, or the employee number.' }) search?: string | null;
}

export enum WorkerOrderField {
  NAME = 'name',
  BIRTH_YEAR = 'birthYear',
  JOINED_AT = 'joinedAt',
  CREATED_AT = 'createdAt',
}
registerEnumType(WorkerOrderField, {
  name: 'WorkerOrderField',
  description: 'What to order workers by.',
  valuesConfig: { NAME: { description: 'By name in pinyin order (李 before 张), Chinese before Latin letters.' } },
});

@InputType()
export class WorkerOrder {
  @Field(() => WorkerOrderField) field!: WorkerOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

export const WorkerConnection = Connection(Worker, 'Worker');
export type WorkerConnection = InstanceType<typeof WorkerConnection>;
