import { Migration } from '@mikro-orm/migrations';

/**
 * Re-check sampling (复核, issue 12 §6): the competition's sample share and error-rate threshold, the
 * sample drawn once per competition from a recorded seed, and one item per recorded mark to re-check.
 */
export class Migration20261206192200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "recheck_sample" ("id" uuid not null, "competition_id" uuid not null, "seed" varchar(100) not null, "drawn_by_id" uuid not null, "drawn_at" timestamptz not null, "sample_share" numeric(5,4) not null, "error_threshold" numeric(5,4) not null, "top_entry_ids" text[] not null, "drawn_entry_ids" text[] not null, "others_count" int not null, "full_recheck_stage_ids" text[] not null, constraint "recheck_sample_pkey" primary key ("id"));`);
    this.addSql(`alter table "recheck_sample" add constraint "recheck_sample_competition_id_unique" unique ("competition_id");`);
    this.addSql(`create table "recheck_item" ("id" uuid not null, "sample_id" uuid not null, "competition_id" uuid not null, "stage_id" uuid not null, "entry_id" uuid not null, "score_id" uuid not null, "position" int not null, "full" boolean not null default false, "recorded_value" numeric(7,2) not null, "status" text check ("status" in ('PENDING', 'CONFIRMED', 'CORRECTED')) not null default 'PENDING', "checked_by_id" uuid null, "checked_at" timestamptz null, "revision_id" uuid null, "created_at" timestamptz not null, constraint "recheck_item_pkey" primary key ("id"));`);
    this.addSql(`create index "recheck_item_score_id_index" on "recheck_item" ("score_id");`);
    this.addSql(`create index "recheck_item_competition_id_stage_id_index" on "recheck_item" ("competition_id", "stage_id");`);
    this.addSql(`create index "recheck_item_sample_id_position_index" on "recheck_item" ("sample_id", "position");`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_sample_id_score_id_unique" unique ("sample_id", "score_id");`);
    this.addSql(`alter table "recheck_sample" add constraint "recheck_sample_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recheck_sample" add constraint "recheck_sample_drawn_by_id_foreign" foreign key ("drawn_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_sample_id_foreign" foreign key ("sample_id") references "recheck_sample" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_stage_id_foreign" foreign key ("stage_id") references "stage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_entry_id_foreign" foreign key ("entry_id") references "entry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_score_id_foreign" foreign key ("score_id") references "score" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_checked_by_id_foreign" foreign key ("checked_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "recheck_item" add constraint "recheck_item_revision_id_foreign" foreign key ("revision_id") references "score_revision" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "competition" add column "recheck_sample_share" numeric(5,4) not null default 0.15, add column "recheck_error_threshold" numeric(5,4) not null default 0.05;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recheck_item" cascade;`);
    this.addSql(`drop table if exists "recheck_sample" cascade;`);
    this.addSql(`alter table "competition" drop column "recheck_sample_share", drop column "recheck_error_threshold";`);
  }

}
