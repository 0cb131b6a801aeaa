import { Migration } from '@mikro-orm/migrations';

/**
 * A competition's theory stage filled from an online drill (issue 16, "Results"): the link (stage_drill,
 * one drill per stage), a mark's source (JUDGE or DRILL, with the attempt it came from) and the
 * revision reason DRILL for a re-mark from the drill.
 */
export class Migration20261207091735 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stage_drill" ("id" uuid not null, "competition_id" uuid not null, "stage_id" uuid not null, "criterion_id" uuid not null, "drill_id" uuid not null, "linked_by_id" uuid not null, "linked_at" timestamptz not null, "filled_at" timestamptz null, "last_fill_at" timestamptz null, "last_fill" jsonb null, "refill_pending" boolean not null default false, "pending_reason" varchar(1000) null, "version" int not null default 1, constraint "stage_drill_pkey" primary key ("id"));`);
    this.addSql(`create index "stage_drill_competition_id_index" on "stage_drill" ("competition_id");`);
    this.addSql(`create index "stage_drill_criterion_id_index" on "stage_drill" ("criterion_id");`);
    this.addSql(`create index "stage_drill_drill_id_index" on "stage_drill" ("drill_id");`);
    this.addSql(`alter table "stage_drill" add constraint "stage_drill_stage_id_unique" unique ("stage_id");`);

    this.addSql(`alter table "stage_drill" add constraint "stage_drill_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stage_drill" add constraint "stage_drill_stage_id_foreign" foreign key ("stage_id") references "stage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stage_drill" add constraint "stage_drill_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stage_drill" add constraint "stage_drill_drill_id_foreign" foreign key ("drill_id") references "drill" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stage_drill" add constraint "stage_drill_linked_by_id_foreign" foreign key ("linked_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "score_revision" drop constraint if exists "score_revision_reason_kind_check";`);

    this.addSql(`alter table "score" add column "source" text check ("source" in ('JUDGE', 'DRILL')) not null default 'JUDGE', add column "source_id" uuid null;`);

    this.addSql(`alter table "score_revision" add constraint "score_revision_reason_kind_check" check("reason_kind" in ('CORRECTION', 'RECHECK', 'APPEAL', 'DRILL'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stage_drill" cascade;`);

    this.addSql(`alter table "score_revision" drop constraint if exists "score_revision_reason_kind_check";`);

    this.addSql(`alter table "score" drop column "source", drop column "source_id";`);

    this.addSql(`alter table "score_revision" add constraint "score_revision_reason_kind_check" check("reason_kind" in ('CORRECTION', 'RECHECK', 'APPEAL'));`);
  }

}
