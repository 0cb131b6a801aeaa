import { Migration } from '@mikro-orm/migrations';

/**
 * Publication and appeals (公示, 申诉, 仲裁; issue 12 §5): the appeal window and arbitration deadline of a
 * competition, when its results were published, appeals with their ruling, the re-marks of upheld ones,
 * and the revision of a mark pointing at the appeal that changed it.
 */
export class Migration20261206192100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "appeal" ("id" uuid not null, "competition_id" uuid not null, "entry_id" uuid not null, "stage_id" uuid not null, "criterion_id" uuid null, "status" text check ("status" in ('FILED', 'DISMISSED', 'UPHELD', 'RESOLVED')) not null default 'FILED', "grounds" varchar(2000) not null, "filed_by_id" uuid not null, "filed_at" timestamptz not null, "deadline" timestamptz not null, "ruling" text check ("ruling" in ('DISMISSED', 'UPHELD')) null, "ruling_reason" varchar(2000) null, "ruled_by_id" uuid null, "ruled_at" timestamptz null, "remark_judge_ids" text[] not null, "resolved_at" timestamptz null, "marks_changed" int not null default 0, constraint "appeal_pkey" primary key ("id"));`);
    this.addSql(`create unique index "appeal_open_stage_unique" on "appeal" ("entry_id", "stage_id") where "status" in ('FILED', 'UPHELD') and "criterion_id" is null;`);
    this.addSql(`create unique index "appeal_open_criterion_unique" on "appeal" ("entry_id", "criterion_id") where "status" in ('FILED', 'UPHELD') and "criterion_id" is not null;`);
    this.addSql(`create index "appeal_entry_id_index" on "appeal" ("entry_id");`);
    this.addSql(`create index "appeal_competition_id_filed_at_index" on "appeal" ("competition_id", "filed_at");`);
    this.addSql(`create table "appeal_remark" ("id" uuid not null, "appeal_id" uuid not null, "score_id" uuid not null, "criterion_id" uuid not null, "contested_value" numeric(7,2) not null, "judge_id" uuid null, "value" numeric(7,2) null, "marked_at" timestamptz null, "revision_id" uuid null, constraint "appeal_remark_pkey" primary key ("id"));`);
    this.addSql(`create index "appeal_remark_score_id_index" on "appeal_remark" ("score_id");`);
    this.addSql(`alter table "appeal_remark" add constraint "appeal_remark_appeal_id_score_id_unique" unique ("appeal_id", "score_id");`);
    this.addSql(`alter table "appeal" add constraint "appeal_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appeal" add constraint "appeal_entry_id_foreign" foreign key ("entry_id") references "entry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appeal" add constraint "appeal_stage_id_foreign" foreign key ("stage_id") references "stage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appeal" add constraint "appeal_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appeal" add constraint "appeal_filed_by_id_foreign" foreign key ("filed_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeal" add constraint "appeal_ruled_by_id_foreign" foreign key ("ruled_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeal_remark" add constraint "appeal_remark_appeal_id_foreign" foreign key ("appeal_id") references "appeal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appeal_remark" add constraint "appeal_remark_score_id_foreign" foreign key ("score_id") references "score" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appeal_remark" add constraint "appeal_remark_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appeal_remark" add constraint "appeal_remark_judge_id_foreign" foreign key ("judge_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeal_remark" add constraint "appeal_remark_revision_id_foreign" foreign key ("revision_id") references "score_revision" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "competition" add column "appeal_window_minutes" int not null default 120, add column "arbitration_deadline_minutes" int not null default 1440, add column "results_published_at" timestamptz null, add column "appeal_window_closes_at" timestamptz null, add column "appeal_window_closed_announced_at" timestamptz null;`);
    this.addSql(`alter table "score_revision" add column "appeal_id" uuid null;`);
    this.addSql(`alter table "score_revision" add constraint "score_revision_appeal_id_foreign" foreign key ("appeal_id") references "appeal" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "score_revision" drop constraint "score_revision_appeal_id_foreign";`);
    this.addSql(`alter table "score_revision" drop column "appeal_id";`);
    this.addSql(`alter table "competition" drop column "appeal_window_minutes", drop column "arbitration_deadline_minutes", drop column "results_published_at", drop column "appeal_window_closes_at", drop column "appeal_window_closed_announced_at";`);
    this.addSql(`drop table if exists "appeal_remark" cascade;`);
    this.addSql(`drop table if exists "appeal" cascade;`);
  }

}
