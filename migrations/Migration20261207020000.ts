import { Migration } from '@mikro-orm/migrations';

const LEVELS = `'JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN'`;
const KINDS_BEFORE = `'INITIAL', 'PROMOTION', 'COMPETITION', 'CORRECTION', 'REVOCATION', 'ANNULMENT'`;

/**
 * Enterprise skill appraisal (技能等级认定, issue 15 §2, src/appraisal): appraisal bodies, the eligibility
 * rules as data (seeded below with the defaults documented in README, "Skill appraisal"), sessions,
 * assessors, candidates, marks, samples and flags; skill-level changes gain the kind APPRAISAL with
 * the session, body and certificate number. Session titles sort by pinyin.
 */
export class Migration20261207020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "skill_level_change" drop constraint if exists "skill_level_change_kind_check";`);
    this.addSql(`alter table "skill_level_change" add constraint "skill_level_change_kind_check" check ("kind" in (${KINDS_BEFORE}, 'APPRAISAL'));`);
    this.addSql(`alter table "skill_level_change" add column "appraisal_session_id" uuid null, add column "appraisal_body_id" uuid null, add column "certificate_number" varchar(40) null;`);
    this.addSql(`create index "skill_level_change_appraisal_session_id_index" on "skill_level_change" ("appraisal_session_id");`);

    this.addSql(`create table "appraisal_body" ("id" uuid not null, "enterprise_id" uuid not null, "code" varchar(20) not null, "trades" text[] not null, "levels" text[] not null, "valid_from" date not null, "valid_until" date not null, "status" text check ("status" in ('ACTIVE', 'SUSPENDED')) not null default 'ACTIVE', "suspension_reason" varchar(2000) null, "created_at" timestamptz not null, constraint "appraisal_body_pkey" primary key ("id"));`);
    this.addSql(`alter table "appraisal_body" add constraint "appraisal_body_enterprise_id_unique" unique ("enterprise_id");`);
    this.addSql(`alter table "appraisal_body" add constraint "appraisal_body_code_unique" unique ("code");`);
    this.addSql(`create index "appraisal_body_valid_until_index" on "appraisal_body" ("valid_until");`);
    this.addSql(`create index "appraisal_body_created_at_index" on "appraisal_body" ("created_at");`);

    this.addSql(`create table "appraisal_eligibility_rule" ("target_level" varchar(30) not null, "required_level" text check ("required_level" in (${LEVELS})) null, "min_years_at_level" int not null, "min_years_in_trade" int not null, "basis" varchar(500) not null, constraint "appraisal_eligibility_rule_pkey" primary key ("target_level"));`);
    this.addSql(`insert into "appraisal_eligibility_rule" ("target_level", "required_level", "min_years_at_level", "min_years_in_trade", "basis") values
      ('JUNIOR', null, 0, 1, '五级/初级工：累计从事本职业工作1年（含）以上'),
      ('INTERMEDIATE', 'JUNIOR', 4, 5, '四级/中级工：取得本职业五级/初级工证书后，累计从事本职业工作4年（含）以上'),
      ('SENIOR', 'INTERMEDIATE', 5, 10, '三级/高级工：取得本职业四级/中级工证书后，累计从事本职业工作5年（含）以上'),
      ('TECHNICIAN', 'SENIOR', 4, 14, '二级/技师：取得本职业三级/高级工证书后，累计从事本职业工作4年（含）以上'),
      ('SENIOR_TECHNICIAN', 'TECHNICIAN', 4, 18, '一级/高级技师：取得本职业二级/技师证书后，累计从事本职业工作4年（含）以上');`);

    this.addSql(`create table "appraisal_session" ("id" uuid not null, "body_id" uuid not null, "title" varchar(200) collate "pinyin" not null, "trade" varchar(100) not null, "target_level" text check ("target_level" in (${LEVELS})) not null, "external" boolean not null, "status" text check ("status" in ('OPEN', 'CLOSED', 'ANNULLED')) not null default 'OPEN', "weight_theory" int not null, "weight_practical" int not null, "weight_innovation" int not null, "weight_problem_solving" int not null, "weight_performance" int not null, "pass_mark" int not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "closed_at" timestamptz null, "annulled_at" timestamptz null, "annulment_reason" varchar(2000) null, constraint "appraisal_session_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_session_body_id_index" on "appraisal_session" ("body_id");`);
    this.addSql(`create index "appraisal_session_status_index" on "appraisal_session" ("status");`);
    this.addSql(`create index "appraisal_session_created_at_index" on "appraisal_session" ("created_at");`);

    this.addSql(`create table "appraisal_assessor" ("id" uuid not null, "session_id" uuid not null, "user_id" uuid not null, "added_at" timestamptz not null, constraint "appraisal_assessor_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_assessor_user_id_index" on "appraisal_assessor" ("user_id");`);
    this.addSql(`alter table "appraisal_assessor" add constraint "appraisal_assessor_session_id_user_id_unique" unique ("session_id", "user_id");`);

    this.addSql(`create table "appraisal_candidate" ("id" uuid not null, "session_id" uuid not null, "worker_id" uuid not null, "from_level" text check ("from_level" in (${LEVELS})) null, "added_at" timestamptz not null, "result" double precision null, "outcome" text check ("outcome" in ('PENDING', 'PASSED', 'FAILED', 'ANNULLED')) not null default 'PENDING', "certificate_number" varchar(40) null, "level_change_id" uuid null, constraint "appraisal_candidate_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_candidate_worker_id_index" on "appraisal_candidate" ("worker_id");`);
    this.addSql(`alter table "appraisal_candidate" add constraint "appraisal_candidate_certificate_number_unique" unique ("certificate_number");`);
    this.addSql(`alter table "appraisal_candidate" add constraint "appraisal_candidate_session_id_worker_id_unique" unique ("session_id", "worker_id");`);

    this.addSql(`create table "appraisal_mark" ("id" uuid not null, "candidate_id" uuid not null, "assessor_id" uuid not null, "theory" int not null, "practical" int not null, "innovation" int not null, "problem_solving" int not null, "performance" int not null, "entered_at" timestamptz not null, constraint "appraisal_mark_pkey" primary key ("id"));`);
    this.addSql(`alter table "appraisal_mark" add constraint "appraisal_mark_candidate_id_assessor_id_unique" unique ("candidate_id", "assessor_id");`);

    this.addSql(`create table "appraisal_sample" ("id" uuid not null, "session_id" uuid not null, "inspector_id" uuid not null, "candidate_ids" uuid[] not null, "findings" text not null, "created_at" timestamptz not null, constraint "appraisal_sample_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_sample_session_id_index" on "appraisal_sample" ("session_id");`);

    this.addSql(`create table "appraisal_flag" ("id" uuid not null, "session_id" uuid not null, "candidate_id" uuid not null, "worker_id" uuid not null, "status" text check ("status" in ('OPEN', 'RESOLVED')) not null default 'OPEN', "decision" text check ("decision" in ('KEEP_LEVEL', 'REVERT_LEVEL')) null, "note" varchar(2000) null, "resolved_by_id" uuid null, "resolved_at" timestamptz null, "created_at" timestamptz not null, constraint "appraisal_flag_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_flag_session_id_index" on "appraisal_flag" ("session_id");`);
    this.addSql(`create index "appraisal_flag_worker_id_index" on "appraisal_flag" ("worker_id");`);
    this.addSql(`create index "appraisal_flag_status_index" on "appraisal_flag" ("status");`);
    this.addSql(`create index "appraisal_flag_created_at_index" on "appraisal_flag" ("created_at");`);

    this.addSql(`alter table "appraisal_body" add constraint "appraisal_body_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_session" add constraint "appraisal_session_body_id_foreign" foreign key ("body_id") references "appraisal_body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_session" add constraint "appraisal_session_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_assessor" add constraint "appraisal_assessor_session_id_foreign" foreign key ("session_id") references "appraisal_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_assessor" add constraint "appraisal_assessor_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_candidate" add constraint "appraisal_candidate_session_id_foreign" foreign key ("session_id") references "appraisal_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_candidate" add constraint "appraisal_candidate_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_mark" add constraint "appraisal_mark_candidate_id_foreign" foreign key ("candidate_id") references "appraisal_candidate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_mark" add constraint "appraisal_mark_assessor_id_foreign" foreign key ("assessor_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_sample" add constraint "appraisal_sample_session_id_foreign" foreign key ("session_id") references "appraisal_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_sample" add constraint "appraisal_sample_inspector_id_foreign" foreign key ("inspector_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appraisal_flag" add constraint "appraisal_flag_session_id_foreign" foreign key ("session_id") references "appraisal_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_flag" add constraint "appraisal_flag_candidate_id_foreign" foreign key ("candidate_id") references "appraisal_candidate" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_flag" add constraint "appraisal_flag_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appraisal_flag" add constraint "appraisal_flag_resolved_by_id_foreign" foreign key ("resolved_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    for (const table of ['appraisal_flag', 'appraisal_sample', 'appraisal_mark', 'appraisal_candidate', 'appraisal_assessor', 'appraisal_session', 'appraisal_eligibility_rule', 'appraisal_body']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`delete from "skill_level_change" where "kind" = 'APPRAISAL';`);
    this.addSql(`drop index if exists "skill_level_change_appraisal_session_id_index";`);
    this.addSql(`alter table "skill_level_change" drop column "appraisal_session_id", drop column "appraisal_body_id", drop column "certificate_number";`);
    this.addSql(`alter table "skill_level_change" drop constraint if exists "skill_level_change_kind_check";`);
    this.addSql(`alter table "skill_level_change" add constraint "skill_level_change_kind_check" check ("kind" in (${KINDS_BEFORE}));`);
  }
}
