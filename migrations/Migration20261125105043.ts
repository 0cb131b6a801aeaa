import { Migration } from '@mikro-orm/migrations';

export class Migration20261125105043 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "entry_result" ("entry_id" uuid not null, "competition_id" uuid not null, "stage_scores" jsonb not null, "total" numeric(7,2) not null default 0, "marks_received" int not null default 0, "marks_expected" int not null default 0, "updated_at" timestamptz not null, constraint "entry_result_pkey" primary key ("entry_id"));`);
    this.addSql(`create index "entry_result_competition_id_index" on "entry_result" ("competition_id");`);

    this.addSql(`create table "idempotency_record" ("id" uuid not null, "user_id" uuid not null, "operation" varchar(60) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "outcome" jsonb not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_user_id_operation_key_unique" unique ("user_id", "operation", "key");`);

    this.addSql(`create table "competition" ("id" uuid not null, "title" varchar(200) not null, "description" text not null default '', "kind" text check ("kind" in ('JOB_DRILL', 'TECHNICAL_CONTEST', 'SKILLS_COMPETITION', 'LABOR_COMPETITION', 'ONLINE_DRILL')) not null, "level" text check ("level" in ('ENTERPRISE', 'DISTRICT', 'CITY', 'PROVINCE', 'NATIONAL')) not null, "trade" varchar(100) not null, "host_enterprise_id" uuid null, "registration_deadline" timestamptz null, "starts_at" timestamptz null, "ends_at" timestamptz null, "aggregation" text check ("aggregation" in ('MEAN', 'TRIMMED_MEAN', 'MEDIAN')) not null default 'MEAN', "eligible_trades" text[] not null, "min_skill_level" text check ("min_skill_level" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "max_skill_level" text check ("max_skill_level" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "eligible_enterprise_ids" text[] not null, "team_size" int not null default 1, "prize_tiers" jsonb not null, "honor_top_n" int not null default 0, "promotion_top_m" int not null default 0, "status" text check ("status" in ('DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS', 'SCORING_CLOSED', 'FINALIZED', 'CANCELLED')) not null default 'DRAFT', "owner_id" uuid not null, "draw_seed" varchar(100) null, "drawn_at" timestamptz null, "leaderboard_version" int not null default 0, "frozen_at" timestamptz null, "frozen_leaderboard" jsonb null, "finalized_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "competition_pkey" primary key ("id"));`);
    this.addSql(`create index "competition_kind_index" on "competition" ("kind");`);
    this.addSql(`create index "competition_starts_at_index" on "competition" ("starts_at");`);
    this.addSql(`create index "competition_status_index" on "competition" ("status");`);
    this.addSql(`create index "competition_owner_id_index" on "competition" ("owner_id");`);

    this.addSql(`create table "stage" ("id" uuid not null, "competition_id" uuid not null, "name" varchar(100) not null, "weight" numeric(5,2) not null, "position" int not null, constraint "stage_pkey" primary key ("id"));`);
    this.addSql(`create index "stage_competition_id_index" on "stage" ("competition_id");`);

    this.addSql(`create table "judge_assignment" ("id" uuid not null, "competition_id" uuid not null, "user_id" uuid not null, "stage_ids" text[] not null, "chief" boolean not null default false, "enterprise_id" uuid null, "reason" varchar(1000) null, "assigned_at" timestamptz not null, "removed_at" timestamptz null, "removed_reason" varchar(1000) null, constraint "judge_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "judge_assignment_user_id_index" on "judge_assignment" ("user_id");`);
    this.addSql(`create index "judge_assignment_competition_id_user_id_index" on "judge_assignment" ("competition_id", "user_id");`);

    this.addSql(`create table "entry" ("id" uuid not null, "competition_id" uuid not null, "team_name" varchar(100) null, "status" text check ("status" in ('ACTIVE', 'WITHDRAWN', 'DISQUALIFIED')) not null default 'ACTIVE', "start_number" int null, "station" varchar(50) null, "status_reason" varchar(1000) null, "registered_by_id" uuid not null, "created_at" timestamptz not null, constraint "entry_pkey" primary key ("id"));`);
    this.addSql(`create index "entry_competition_id_index" on "entry" ("competition_id");`);
    this.addSql(`alter table "entry" add constraint "entry_competition_id_start_number_unique" unique ("competition_id", "start_number");`);

    this.addSql(`create table "criterion" ("id" uuid not null, "stage_id" uuid not null, "competition_id" uuid not null, "name" varchar(200) not null, "kind" text check ("kind" in ('MEASUREMENT', 'JUDGEMENT')) not null, "max_score" numeric(7,2) not null, "description" text not null default '', "position" int not null, constraint "criterion_pkey" primary key ("id"));`);
    this.addSql(`create index "criterion_stage_id_index" on "criterion" ("stage_id");`);
    this.addSql(`create index "criterion_competition_id_index" on "criterion" ("competition_id");`);

    this.addSql(`create table "score" ("id" uuid not null, "competition_id" uuid not null, "entry_id" uuid not null, "criterion_id" uuid not null, "judge_id" uuid not null, "slot" varchar(40) not null, "value" numeric(7,2) not null, "comment" varchar(2000) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "score_pkey" primary key ("id"));`);
    this.addSql(`create index "score_entry_id_index" on "score" ("entry_id");`);
    this.addSql(`create index "score_competition_id_updated_at_index" on "score" ("competition_id", "updated_at");`);
    this.addSql(`alter table "score" add constraint "score_entry_id_criterion_id_slot_unique" unique ("entry_id", "criterion_id", "slot");`);

    this.addSql(`create table "score_revision" ("id" uuid not null, "score_id" uuid not null, "competition_id" uuid not null, "judge_id" uuid not null, "old_value" numeric(7,2) not null, "new_value" numeric(7,2) not null, "reason" varchar(1000) not null, "at" timestamptz not null, constraint "score_revision_pkey" primary key ("id"));`);
    this.addSql(`create index "score_revision_score_id_index" on "score_revision" ("score_id");`);
    this.addSql(`create index "score_revision_competition_id_at_index" on "score_revision" ("competition_id", "at");`);

    this.addSql(`create table "competition_transition" ("id" uuid not null, "competition_id" uuid not null, "from" text check ("from" in ('DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS', 'SCORING_CLOSED', 'FINALIZED', 'CANCELLED')) not null, "to" text check ("to" in ('DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS', 'SCORING_CLOSED', 'FINALIZED', 'CANCELLED')) not null, "by_id" uuid not null, "reason" varchar(1000) null, "at" timestamptz not null, constraint "competition_transition_pkey" primary key ("id"));`);
    this.addSql(`create index "competition_transition_competition_id_index" on "competition_transition" ("competition_id");`);

    this.addSql(`create table "award" ("id" uuid not null, "competition_id" uuid not null, "entry_id" uuid not null, "rank" int not null, "total" numeric(7,2) not null, "prize" text check ("prize" in ('FIRST', 'SECOND', 'THIRD', 'EXCELLENCE')) null, "honor_granted" boolean not null default false, "promotions" jsonb not null, "created_at" timestamptz not null, constraint "award_pkey" primary key ("id"));`);
    this.addSql(`create index "award_competition_id_index" on "award" ("competition_id");`);
    this.addSql(`create index "award_entry_id_index" on "award" ("entry_id");`);

    this.addSql(`create table "entry_member" ("id" uuid not null, "entry_id" uuid not null, "competition_id" uuid not null, "worker_id" uuid not null, "enterprise_id" uuid not null, "position" int not null default 0, constraint "entry_member_pkey" primary key ("id"));`);
    this.addSql(`create index "entry_member_entry_id_index" on "entry_member" ("entry_id");`);
    this.addSql(`create index "entry_member_worker_id_index" on "entry_member" ("worker_id");`);
    this.addSql(`create index "entry_member_enterprise_id_index" on "entry_member" ("enterprise_id");`);
    this.addSql(`alter table "entry_member" add constraint "entry_member_competition_id_worker_id_unique" unique ("competition_id", "worker_id");`);

    this.addSql(`alter table "competition" add constraint "competition_host_enterprise_id_foreign" foreign key ("host_enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "competition" add constraint "competition_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stage" add constraint "stage_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "judge_assignment" add constraint "judge_assignment_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "judge_assignment" add constraint "judge_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "entry" add constraint "entry_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entry" add constraint "entry_registered_by_id_foreign" foreign key ("registered_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "criterion" add constraint "criterion_stage_id_foreign" foreign key ("stage_id") references "stage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "criterion" add constraint "criterion_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "score" add constraint "score_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score" add constraint "score_entry_id_foreign" foreign key ("entry_id") references "entry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score" add constraint "score_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score" add constraint "score_judge_id_foreign" foreign key ("judge_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "score_revision" add constraint "score_revision_score_id_foreign" foreign key ("score_id") references "score" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_revision" add constraint "score_revision_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_revision" add constraint "score_revision_judge_id_foreign" foreign key ("judge_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "competition_transition" add constraint "competition_transition_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "competition_transition" add constraint "competition_transition_by_id_foreign" foreign key ("by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "award" add constraint "award_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "award" add constraint "award_entry_id_foreign" foreign key ("entry_id") references "entry" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "entry_member" add constraint "entry_member_entry_id_foreign" foreign key ("entry_id") references "entry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entry_member" add constraint "entry_member_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "entry_member" add constraint "entry_member_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "skill_level_change" add column "source_competition_id" uuid null;`);
    this.addSql(`create index "skill_level_change_source_competition_id_index" on "skill_level_change" ("source_competition_id");`);

    this.addSql(`alter table "honor" add column "source_competition_id" uuid null;`);
    this.addSql(`create index "honor_source_competition_id_index" on "honor" ("source_competition_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "stage" drop constraint "stage_competition_id_foreign";`);

    this.addSql(`alter table "judge_assignment" drop constraint "judge_assignment_competition_id_foreign";`);

    this.addSql(`alter table "entry" drop constraint "entry_competition_id_foreign";`);

    this.addSql(`alter table "criterion" drop constraint "criterion_competition_id_foreign";`);

    this.addSql(`alter table "score" drop constraint "score_competition_id_foreign";`);

    this.addSql(`alter table "score_revision" drop constraint "score_revision_competition_id_foreign";`);

    this.addSql(`alter table "competition_transition" drop constraint "competition_transition_competition_id_foreign";`);

    this.addSql(`alter table "award" drop constraint "award_competition_id_foreign";`);

    this.addSql(`alter table "entry_member" drop constraint "entry_member_competition_id_foreign";`);

    this.addSql(`alter table "criterion" drop constraint "criterion_stage_id_foreign";`);

    this.addSql(`alter table "score" drop constraint "score_entry_id_foreign";`);

    this.addSql(`alter table "award" drop constraint "award_entry_id_foreign";`);

    this.addSql(`alter table "entry_member" drop constraint "entry_member_entry_id_foreign";`);

    this.addSql(`alter table "score" drop constraint "score_criterion_id_foreign";`);

    this.addSql(`alter table "score_revision" drop constraint "score_revision_score_id_foreign";`);

    this.addSql(`drop table if exists "entry_result" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "competition" cascade;`);

    this.addSql(`drop table if exists "stage" cascade;`);

    this.addSql(`drop table if exists "judge_assignment" cascade;`);

    this.addSql(`drop table if exists "entry" cascade;`);

    this.addSql(`drop table if exists "criterion" cascade;`);

    this.addSql(`drop table if exists "score" cascade;`);

    this.addSql(`drop table if exists "score_revision" cascade;`);

    this.addSql(`drop table if exists "competition_transition" cascade;`);

    this.addSql(`drop table if exists "award" cascade;`);

    this.addSql(`drop table if exists "entry_member" cascade;`);

    this.addSql(`drop index "honor_source_competition_id_index";`);
    this.addSql(`alter table "honor" drop column "source_competition_id";`);

    this.addSql(`drop index "skill_level_change_source_competition_id_index";`);
    this.addSql(`alter table "skill_level_change" drop column "source_competition_id";`);
  }

}
