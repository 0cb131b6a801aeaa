import { Migration } from '@mikro-orm/migrations';

/**
 * Honor selection campaigns (issue 15 §1, src/honors): campaigns, nominations, reviewers' marks, vetting
 * clearances, objections, and the working-day calendar seeded with the State Council's 2026 schedule
 * (国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025; 2027's was not published when this was
 * written). Honors gain their conferral source and revocation; one honor of a kind, level and year per
 * worker now holds among the standing ones only (a partial unique index), so a revoked one stays on record.
 */
export class Migration20261207013609 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_day" ("date" date not null, "kind" text check ("kind" in ('HOLIDAY', 'WORKDAY')) not null, "name" varchar(100) not null, constraint "calendar_day_pkey" primary key ("date"));`);

    this.addSql(`create table "honor_campaign" ("id" uuid not null, "title" varchar(200) collate "pinyin" not null, "honor_kind" text check ("honor_kind" in ('MODEL_WORKER', 'CRAFTSMAN', 'GOLD_MEDAL_WORKER', 'SKILLED_CRAFTSMAN', 'TECHNICAL_EXPERT', 'OUTSTANDING_TECHNICIAN')) not null, "level" text check ("level" in ('ENTERPRISE', 'DISTRICT', 'CITY', 'PROVINCE', 'NATIONAL')) not null, "year" int not null, "eligible_trades" text[] not null, "min_skill_level" text check ("min_skill_level" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "required_honor_kinds" text[] not null, "min_years_in_trade" int null, "quota" int not null, "front_line_share_percent" int not null default 0, "nomination_opens_on" date not null, "nomination_closes_on" date not null, "per_enterprise_cap" int not null, "criteria" jsonb not null, "reviewer_ids" text[] not null, "vetting_departments" text[] not null, "notice_working_days" int not null default 5, "status" text check ("status" in ('NOMINATING', 'REVIEWING', 'IN_NOTICE', 'CONFERRED', 'RECOMMENDED', 'CANCELLED')) not null default 'NOMINATING', "organizer_id" uuid not null, "created_at" timestamptz not null, "document_number" varchar(100) null, "concluded_at" timestamptz null, "version" int not null default 1, constraint "honor_campaign_pkey" primary key ("id"));`);
    this.addSql(`create index "honor_campaign_year_index" on "honor_campaign" ("year");`);
    this.addSql(`create index "honor_campaign_status_index" on "honor_campaign" ("status");`);
    this.addSql(`create index "honor_campaign_organizer_id_index" on "honor_campaign" ("organizer_id");`);

    this.addSql(`create table "nomination" ("id" uuid not null, "campaign_id" uuid not null, "worker_id" uuid not null, "enterprise_id" uuid not null, "nominated_by_id" uuid not null, "front_line" boolean not null, "statement" text not null, "innovation_ids" text[] not null, "method_ids" text[] not null, "award_ids" text[] not null, "internal_notice_from" date not null, "internal_notice_to" date not null, "status" text check ("status" in ('NOMINATED', 'SHORTLISTED', 'REMOVED', 'NOT_SELECTED', 'CONFERRED', 'RECOMMENDED')) not null default 'NOMINATED', "score" numeric(7,2) not null default 0, "notice_starts_on" date null, "notice_ends_on" date null, "nominated_at" timestamptz not null, constraint "nomination_pkey" primary key ("id"));`);
    this.addSql(`create index "nomination_worker_id_index" on "nomination" ("worker_id");`);
    this.addSql(`create index "nomination_status_index" on "nomination" ("status");`);
    this.addSql(`create index "nomination_campaign_id_enterprise_id_index" on "nomination" ("campaign_id", "enterprise_id");`);
    this.addSql(`alter table "nomination" add constraint "nomination_campaign_id_worker_id_unique" unique ("campaign_id", "worker_id");`);

    this.addSql(`create table "vetting_clearance" ("id" uuid not null, "nomination_id" uuid not null, "department" varchar(100) not null, "cleared" boolean not null, "note" text not null default '', "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, constraint "vetting_clearance_pkey" primary key ("id"));`);
    this.addSql(`create index "vetting_clearance_nomination_id_index" on "vetting_clearance" ("nomination_id");`);
    this.addSql(`alter table "vetting_clearance" add constraint "vetting_clearance_nomination_id_department_unique" unique ("nomination_id", "department");`);

    this.addSql(`create table "objection" ("id" uuid not null, "campaign_id" uuid not null, "nomination_id" uuid not null, "lodged_by_id" uuid not null, "grounds" text not null, "status" text check ("status" in ('OPEN', 'UPHELD', 'DISMISSED')) not null default 'OPEN', "resolution" text null, "lodged_at" timestamptz not null, "resolved_at" timestamptz null, constraint "objection_pkey" primary key ("id"));`);
    this.addSql(`create index "objection_campaign_id_index" on "objection" ("campaign_id");`);
    this.addSql(`create index "objection_nomination_id_index" on "objection" ("nomination_id");`);
    this.addSql(`create index "objection_lodged_by_id_index" on "objection" ("lodged_by_id");`);
    this.addSql(`create index "objection_status_index" on "objection" ("status");`);

    this.addSql(`create table "nomination_score" ("id" uuid not null, "nomination_id" uuid not null, "reviewer_id" uuid not null, "marks" jsonb not null, "total" int not null, "scored_at" timestamptz not null, constraint "nomination_score_pkey" primary key ("id"));`);
    this.addSql(`create index "nomination_score_nomination_id_index" on "nomination_score" ("nomination_id");`);
    this.addSql(`alter table "nomination_score" add constraint "nomination_score_nomination_id_reviewer_id_unique" unique ("nomination_id", "reviewer_id");`);

    this.addSql(`alter table "honor_campaign" add constraint "honor_campaign_organizer_id_foreign" foreign key ("organizer_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "nomination" add constraint "nomination_campaign_id_foreign" foreign key ("campaign_id") references "honor_campaign" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "nomination" add constraint "nomination_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "nomination" add constraint "nomination_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "nomination" add constraint "nomination_nominated_by_id_foreign" foreign key ("nominated_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "vetting_clearance" add constraint "vetting_clearance_nomination_id_foreign" foreign key ("nomination_id") references "nomination" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "vetting_clearance" add constraint "vetting_clearance_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "objection" add constraint "objection_campaign_id_foreign" foreign key ("campaign_id") references "honor_campaign" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objection" add constraint "objection_nomination_id_foreign" foreign key ("nomination_id") references "nomination" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objection" add constraint "objection_lodged_by_id_foreign" foreign key ("lodged_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "nomination_score" add constraint "nomination_score_nomination_id_foreign" foreign key ("nomination_id") references "nomination" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "nomination_score" add constraint "nomination_score_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "honor" drop constraint "honor_worker_kind_level_year_unique";`);

    this.addSql(`alter table "honor" add column "source_campaign_id" uuid null, add column "document_number" varchar(100) null, add column "revoked_at" timestamptz null, add column "revocation_reason" text null, add column "revoked_by_id" uuid null;`);
    this.addSql(`create index "honor_source_campaign_id_index" on "honor" ("source_campaign_id");`);
    this.addSql(`create unique index "honor_worker_kind_level_year_live" on "honor" ("worker_id", "kind", "level", "year") where "revoked_at" is null;`);

    // The 2026 schedule as published (src/honors/working-days.ts keeps the same list for the unit tests).
    this.addSql(`insert into "calendar_day" ("date", "kind", "name") values
      ('2026-01-01', 'HOLIDAY', '元旦'),
      ('2026-01-02', 'HOLIDAY', '元旦'),
      ('2026-01-03', 'HOLIDAY', '元旦'),
      ('2026-02-15', 'HOLIDAY', '春节'),
      ('2026-02-16', 'HOLIDAY', '春节'),
      ('2026-02-17', 'HOLIDAY', '春节'),
      ('2026-02-18', 'HOLIDAY', '春节'),
      ('2026-02-19', 'HOLIDAY', '春节'),
      ('2026-02-20', 'HOLIDAY', '春节'),
      ('2026-02-21', 'HOLIDAY', '春节'),
      ('2026-02-22', 'HOLIDAY', '春节'),
      ('2026-02-23', 'HOLIDAY', '春节'),
      ('2026-04-04', 'HOLIDAY', '清明节'),
      ('2026-04-05', 'HOLIDAY', '清明节'),
      ('2026-04-06', 'HOLIDAY', '清明节'),
      ('2026-05-01', 'HOLIDAY', '劳动节'),
      ('2026-05-02', 'HOLIDAY', '劳动节'),
      ('2026-05-03', 'HOLIDAY', '劳动节'),
      ('2026-05-04', 'HOLIDAY', '劳动节'),
      ('2026-05-05', 'HOLIDAY', '劳动节'),
      ('2026-06-19', 'HOLIDAY', '端午节'),
      ('2026-06-20', 'HOLIDAY', '端午节'),
      ('2026-06-21', 'HOLIDAY', '端午节'),
      ('2026-09-25', 'HOLIDAY', '中秋节'),
      ('2026-09-26', 'HOLIDAY', '中秋节'),
      ('2026-09-27', 'HOLIDAY', '中秋节'),
      ('2026-10-01', 'HOLIDAY', '国庆节'),
      ('2026-10-02', 'HOLIDAY', '国庆节'),
      ('2026-10-03', 'HOLIDAY', '国庆节'),
      ('2026-10-04', 'HOLIDAY', '国庆节'),
      ('2026-10-05', 'HOLIDAY', '国庆节'),
      ('2026-10-06', 'HOLIDAY', '国庆节'),
      ('2026-10-07', 'HOLIDAY', '国庆节'),
      ('2026-01-04', 'WORKDAY', '元旦调休上班'),
      ('2026-02-14', 'WORKDAY', '春节调休上班'),
      ('2026-02-28', 'WORKDAY', '春节调休上班'),
      ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
      ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
      ('2026-10-10', 'WORKDAY', '国庆节调休上班');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "nomination" drop constraint "nomination_campaign_id_foreign";`);

    this.addSql(`alter table "objection" drop constraint "objection_campaign_id_foreign";`);

    this.addSql(`alter table "vetting_clearance" drop constraint "vetting_clearance_nomination_id_foreign";`);

    this.addSql(`alter table "objection" drop constraint "objection_nomination_id_foreign";`);

    this.addSql(`alter table "nomination_score" drop constraint "nomination_score_nomination_id_foreign";`);

    this.addSql(`drop table if exists "calendar_day" cascade;`);

    this.addSql(`drop table if exists "honor_campaign" cascade;`);

    this.addSql(`drop table if exists "nomination" cascade;`);

    this.addSql(`drop table if exists "vetting_clearance" cascade;`);

    this.addSql(`drop table if exists "objection" cascade;`);

    this.addSql(`drop table if exists "nomination_score" cascade;`);

    // The partial index first: dropping revoked_at below would take it along, and then its own drop fails.
    this.addSql(`drop index "honor_worker_kind_level_year_live";`);
    this.addSql(`drop index "honor_source_campaign_id_index";`);
    this.addSql(`alter table "honor" drop column "source_campaign_id", drop column "document_number", drop column "revoked_at", drop column "revocation_reason", drop column "revoked_by_id";`);

    this.addSql(`alter table "honor" add constraint "honor_worker_kind_level_year_unique" unique ("worker_id", "kind", "level", "year");`);
  }

}
