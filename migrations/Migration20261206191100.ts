import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12 §3, complete marking: a substitute judge's entry scope, ABSENT entries and where the
 * competition ranks them, and the chief judge's acceptances of missing marks.
 */
export class Migration20261206191100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "judge_assignment" add column "entry_ids" uuid[] null;`);
    this.addSql(`alter table "entry" drop constraint if exists "entry_status_check";`);
    this.addSql(`alter table "entry" add constraint "entry_status_check" check ("status" in ('ACTIVE', 'WITHDRAWN', 'DISQUALIFIED', 'ABSENT'));`);
    this.addSql(`alter table "competition" add column "absent_ranking" text check ("absent_ranking" in ('LAST', 'UNRANKED')) not null default 'UNRANKED';`);
    this.addSql(`create table "marking_gap_acceptance" ("id" uuid not null, "competition_id" uuid not null, "stage_id" uuid null, "accepted_by_id" uuid not null, "accepted_at" timestamptz not null, "reason" varchar(1000) not null, "gaps" jsonb not null, constraint "marking_gap_acceptance_pkey" primary key ("id"));`);
    this.addSql(`create index "marking_gap_acceptance_competition_id_index" on "marking_gap_acceptance" ("competition_id");`);
    this.addSql(`alter table "marking_gap_acceptance" add constraint "marking_gap_acceptance_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "marking_gap_acceptance" add constraint "marking_gap_acceptance_stage_id_foreign" foreign key ("stage_id") references "stage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "marking_gap_acceptance" add constraint "marking_gap_acceptance_accepted_by_id_foreign" foreign key ("accepted_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marking_gap_acceptance" cascade;`);
    this.addSql(`alter table "competition" drop column "absent_ranking";`);
    this.addSql(`update "entry" set "status" = 'WITHDRAWN' where "status" = 'ABSENT';`);
    this.addSql(`alter table "entry" drop constraint if exists "entry_status_check";`);
    this.addSql(`alter table "entry" add constraint "entry_status_check" check ("status" in ('ACTIVE', 'WITHDRAWN', 'DISQUALIFIED'));`);
    this.addSql(`alter table "judge_assignment" drop column "entry_ids";`);
  }

}
