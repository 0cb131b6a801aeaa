import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12's shared ground: per-stage anonymity and closing, the reason kind of a revision, the
 * RESULTS_PUBLISHED state (成绩公示) and the chief judge's stage sign-offs.
 */
export class Migration20261206190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "stage" add column "anonymous" boolean not null default false, add column "marking_closed_at" timestamptz null;`);
    this.addSql(`alter table "score_revision" add column "reason_kind" text check ("reason_kind" in ('CORRECTION', 'RECHECK', 'APPEAL')) not null default 'CORRECTION';`);
    this.addSql(`alter table "competition" drop constraint if exists "competition_status_check";`);
    this.addSql(`alter table "competition" add constraint "competition_status_check" check ("status" in ('DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS', 'SCORING_CLOSED', 'RESULTS_PUBLISHED', 'FINALIZED', 'CANCELLED'));`);
    for (const col of ['from', 'to']) {
      this.addSql(`alter table "competition_transition" drop constraint if exists "competition_transition_${col}_check";`);
      this.addSql(`alter table "competition_transition" add constraint "competition_transition_${col}_check" check ("${col}" in ('DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS', 'SCORING_CLOSED', 'RESULTS_PUBLISHED', 'FINALIZED', 'CANCELLED'));`);
    }
    this.addSql(`create table "stage_sign_off" ("id" uuid not null, "competition_id" uuid not null, "stage_id" uuid not null, "signed_by_id" uuid not null, "signed_at" timestamptz not null, "digest" varchar(64) not null, "invalidated_at" timestamptz null, "invalidated_reason" varchar(1000) null, constraint "stage_sign_off_pkey" primary key ("id"));`);
    this.addSql(`create index "stage_sign_off_competition_id_stage_id_index" on "stage_sign_off" ("competition_id", "stage_id");`);
    // One valid sign-off per stage: two chief-judge clicks at once cannot both record one.
    this.addSql(`create unique index "stage_sign_off_valid_unique" on "stage_sign_off" ("stage_id") where "invalidated_at" is null;`);
    this.addSql(`alter table "stage_sign_off" add constraint "stage_sign_off_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stage_sign_off" add constraint "stage_sign_off_stage_id_foreign" foreign key ("stage_id") references "stage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stage_sign_off" add constraint "stage_sign_off_signed_by_id_foreign" foreign key ("signed_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stage_sign_off" cascade;`);
    this.addSql(`alter table "competition" drop constraint if exists "competition_status_check";`);
    this.addSql(`alter table "competition" add constraint "competition_status_check" check ("status" in ('DRAFT', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED', 'IN_PROGRESS', 'SCORING_CLOSED', 'FINALIZED', 'CANCELLED'));`);
    this.addSql(`alter table "score_revision" drop column "reason_kind";`);
    this.addSql(`alter table "stage" drop column "anonymous", drop column "marking_closed_at";`);
  }

}
