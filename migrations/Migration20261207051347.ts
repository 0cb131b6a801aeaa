import { Migration } from '@mikro-orm/migrations';

/**
 * Online drills (网上练兵, issue 16), foundation: the question bank (drill_question) and drills with their
 * paper rule and eligibility. A drill's title sorts by pinyin. Attempts, passes and answers come in their
 * own migration.
 */
export class Migration20261207051347 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "drill_question" ("id" uuid not null, "trade" varchar(100) not null, "skill_level" text check ("skill_level" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "type" text check ("type" in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'FILL_IN')) not null, "stem" text not null, "options" jsonb not null, "answer_key" jsonb not null, "topic" varchar(100) not null, "difficulty" text check ("difficulty" in ('EASY', 'MEDIUM', 'HARD')) not null, "explanation" text null, "status" text check ("status" in ('DRAFT', 'APPROVED', 'RETIRED')) not null default 'DRAFT', "revision" int not null default 1, "created_by_id" uuid not null, "approved_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "drill_question_pkey" primary key ("id"));`);
    this.addSql(`create index "drill_question_created_at_index" on "drill_question" ("created_at");`);
    this.addSql(`create index "drill_question_trade_status_index" on "drill_question" ("trade", "status");`);

    this.addSql(`create table "drill" ("id" uuid not null, "title" varchar(200) collate "pinyin" not null, "description" text null, "trades" text[] not null, "eligible_enterprise_ids" text[] not null, "eligible_districts" text[] not null, "eligible_ownerships" text[] not null, "min_skill_level" text check ("min_skill_level" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "max_skill_level" text check ("max_skill_level" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "opens_at" timestamptz not null, "closes_at" timestamptz not null, "time_limit_minutes" int not null, "attempts_allowed" int not null default 1, "counting" text check ("counting" in ('BEST', 'LAST')) not null default 'BEST', "result_release" text check ("result_release" in ('IMMEDIATELY', 'AFTER_WINDOW')) not null default 'AFTER_WINDOW', "paper_rule" jsonb not null, "pass_mark" numeric(8,2) not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'CANCELLED')) not null default 'DRAFT', "organizer_id" uuid not null, "host_enterprise_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "drill_pkey" primary key ("id"));`);
    this.addSql(`create index "drill_opens_at_index" on "drill" ("opens_at");`);
    this.addSql(`create index "drill_status_index" on "drill" ("status");`);
    this.addSql(`create index "drill_organizer_id_index" on "drill" ("organizer_id");`);
    this.addSql(`create index "drill_created_at_index" on "drill" ("created_at");`);

    this.addSql(`alter table "drill_question" add constraint "drill_question_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "drill_question" add constraint "drill_question_approved_by_id_foreign" foreign key ("approved_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "drill" add constraint "drill_organizer_id_foreign" foreign key ("organizer_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "drill" add constraint "drill_host_enterprise_id_foreign" foreign key ("host_enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "drill" cascade;`);
    this.addSql(`drop table if exists "drill_question" cascade;`);
  }
}
