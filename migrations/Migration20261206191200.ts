import { Migration } from '@mikro-orm/migrations';

/**
 * Independent marking (issue 12 §2): a correction after the panel's marks became visible to the judge
 * is flagged on its revision with the approving chief judge, and goes through a request the chief
 * judge decides (one pending request per mark).
 */
export class Migration20261206191200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "score_revision" add column "after_panel_visible" boolean not null default false, add column "approved_by_id" uuid null;`);
    this.addSql(`alter table "score_revision" add constraint "score_revision_approved_by_id_foreign" foreign key ("approved_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`create table "score_correction_request" ("id" uuid not null, "competition_id" uuid not null, "score_id" uuid not null, "judge_id" uuid not null, "old_value" numeric(7,2) not null, "new_value" numeric(7,2) not null, "reason" varchar(1000) not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', "requested_at" timestamptz not null, "decided_by_id" uuid null, "decided_at" timestamptz null, "decision_reason" varchar(1000) null, "revision_id" uuid null, constraint "score_correction_request_pkey" primary key ("id"));`);
    this.addSql(`create index "score_correction_request_competition_id_requested_at_index" on "score_correction_request" ("competition_id", "requested_at");`);
    // One pending request per mark: a second click while one waits is refused, not queued.
    this.addSql(`create unique index "score_correction_request_pending_unique" on "score_correction_request" ("score_id") where "status" = 'PENDING';`);
    this.addSql(`alter table "score_correction_request" add constraint "score_correction_request_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_correction_request" add constraint "score_correction_request_score_id_foreign" foreign key ("score_id") references "score" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "score_correction_request" add constraint "score_correction_request_judge_id_foreign" foreign key ("judge_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "score_correction_request" add constraint "score_correction_request_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "score_correction_request" add constraint "score_correction_request_revision_id_foreign" foreign key ("revision_id") references "score_revision" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "score_correction_request" cascade;`);
    this.addSql(`alter table "score_revision" drop constraint "score_revision_approved_by_id_foreign";`);
    this.addSql(`alter table "score_revision" drop column "after_panel_visible", drop column "approved_by_id";`);
  }

}
