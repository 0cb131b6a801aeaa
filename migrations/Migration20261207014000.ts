import { Migration } from '@mikro-orm/migrations';

const HONOR_KINDS_BEFORE = `'MODEL_WORKER', 'CRAFTSMAN', 'GOLD_MEDAL_WORKER', 'SKILLED_CRAFTSMAN', 'TECHNICAL_EXPERT', 'CHIEF_TECHNICIAN', 'OUTSTANDING_TECHNICIAN'`;
const HONOR_KINDS_AFTER = `'MODEL_WORKER', 'CRAFTSMAN', 'GOLD_MEDAL_WORKER', 'SKILLED_CRAFTSMAN', 'TECHNICAL_EXPERT', 'OUTSTANDING_TECHNICIAN'`;

/**
 * Issue 15 §3: chief technicians (企业首席技师) are designations by an enterprise for a term, no longer
 * an honor; skill allowance standards (技能津贴标准) per enterprise and date.
 *
 * Every CHIEF_TECHNICIAN honor becomes a designation for its year (1 January to 31 December) by the
 * worker's enterprise now, its source kept, no incentive (the honor recorded none); a worker holding
 * it at several levels in one year gets one designation for that year. The honors are then deleted
 * and the kind leaves the honor table's check. Down turns designations without an incentive back into
 * CITY honors for the year they started (the level is not kept).
 */
export class Migration20261207014000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "chief_technician" ("id" uuid not null, "worker_id" uuid not null, "enterprise_id" uuid not null, "term_from" date not null, "term_to" date not null, "incentive" text check ("incentive" in ('ANNUAL_SALARY', 'EQUITY', 'OPTIONS', 'ALLOWANCE')) null, "incentive_amount" numeric(14,2) null, "incentive_notes" text null, "ended_on" date null, "end_reason" varchar(500) null, "source" varchar(300) null, "designated_by_id" uuid null, "created_at" timestamptz not null, constraint "chief_technician_pkey" primary key ("id"));`);
    this.addSql(`create index "chief_technician_worker_id_index" on "chief_technician" ("worker_id");`);
    this.addSql(`create index "chief_technician_enterprise_id_index" on "chief_technician" ("enterprise_id");`);
    this.addSql(`alter table "chief_technician" add constraint "chief_technician_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chief_technician" add constraint "chief_technician_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chief_technician" add constraint "chief_technician_designated_by_id_foreign" foreign key ("designated_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "skill_allowance_standard" ("id" uuid not null, "enterprise_id" uuid not null, "effective_from" date not null, "junior" numeric(10,2) null, "intermediate" numeric(10,2) null, "senior" numeric(10,2) null, "technician" numeric(10,2) null, "senior_technician" numeric(10,2) null, "recorded_by_id" uuid null, "created_at" timestamptz not null, constraint "skill_allowance_standard_pkey" primary key ("id"));`);
    this.addSql(`create index "skill_allowance_standard_enterprise_id_index" on "skill_allowance_standard" ("enterprise_id");`);
    this.addSql(`alter table "skill_allowance_standard" add constraint "skill_allowance_standard_enterprise_id_effective_from_unique" unique ("enterprise_id", "effective_from");`);
    this.addSql(`alter table "skill_allowance_standard" add constraint "skill_allowance_standard_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "skill_allowance_standard" add constraint "skill_allowance_standard_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`insert into "chief_technician" ("id", "worker_id", "enterprise_id", "term_from", "term_to", "source", "created_at")
      select gen_random_uuid(), h.worker_id, w.enterprise_id, make_date(h.year, 1, 1), make_date(h.year, 12, 31), h.source, h.created_at
      from (select distinct on (worker_id, year) * from "honor" where kind = 'CHIEF_TECHNICIAN' order by worker_id, year, created_at) h
      join "worker" w on w.id = h.worker_id;`);
    this.addSql(`delete from "honor" where kind = 'CHIEF_TECHNICIAN';`);
    this.addSql(`alter table "honor" drop constraint if exists "honor_kind_check";`);
    this.addSql(`alter table "honor" add constraint "honor_kind_check" check ("kind" in (${HONOR_KINDS_AFTER}));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "honor" drop constraint if exists "honor_kind_check";`);
    this.addSql(`alter table "honor" add constraint "honor_kind_check" check ("kind" in (${HONOR_KINDS_BEFORE}));`);
    this.addSql(`insert into "honor" ("id", "worker_id", "kind", "level", "year", "source", "created_at")
      select gen_random_uuid(), worker_id, 'CHIEF_TECHNICIAN', 'CITY', extract(year from term_from)::int, source, created_at
      from "chief_technician" where incentive is null;`);
    this.addSql(`drop table if exists "skill_allowance_standard" cascade;`);
    this.addSql(`drop table if exists "chief_technician" cascade;`);
  }
}
