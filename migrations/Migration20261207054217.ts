import { Migration } from '@mikro-orm/migrations';

/**
 * Drill taking (issue 16, src/drills/taking): passes (only a hash of each code), attempts with their
 * drawn paper and marks, answers (one per attempt and question, ordered by the client's seq), and the
 * entry throttle's records. The partial indexes serve the two hot checks: one live pass per worker and
 * drill, and the sweeper's "under way and past its deadline".
 */
export class Migration20261207054217 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "drill_pass" ("id" uuid not null, "drill_id" uuid not null, "worker_id" uuid not null, "code_hash" varchar(64) not null, "issued_at" timestamptz not null, "issued_by_id" uuid null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "drill_pass_pkey" primary key ("id"));`);
    this.addSql(`alter table "drill_pass" add constraint "drill_pass_code_hash_unique" unique ("code_hash");`);
    this.addSql(`create index "drill_pass_drill_id_worker_id_index" on "drill_pass" ("drill_id", "worker_id");`);
    this.addSql(`create unique index "drill_pass_live_unique" on "drill_pass" ("drill_id", "worker_id") where "revoked_at" is null;`);
    this.addSql(`alter table "drill_pass" add constraint "drill_pass_drill_id_foreign" foreign key ("drill_id") references "drill" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "drill_pass" add constraint "drill_pass_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "drill_pass" add constraint "drill_pass_issued_by_id_foreign" foreign key ("issued_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "drill_attempt" ("id" uuid not null, "drill_id" uuid not null, "worker_id" uuid not null, "number" int not null, "seed" int not null, "paper" jsonb not null, "status" text check ("status" in ('DRAWN', 'IN_PROGRESS', 'SUBMITTED', 'VOIDED')) not null default 'DRAWN', "drawn_at" timestamptz not null, "started_at" timestamptz null, "deadline" timestamptz null, "submitted_at" timestamptz null, "submitted_by" text check ("submitted_by" in ('TAKER', 'DEADLINE')) null, "score" numeric(8,2) null, "max_score" numeric(8,2) not null, "breakdown" jsonb null, "active_device" varchar(100) null, "void_reason" varchar(500) null, "deadline_extended_by" int not null default 0, "version" int not null default 1, constraint "drill_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "drill_attempt_drill_id_index" on "drill_attempt" ("drill_id");`);
    this.addSql(`create index "drill_attempt_worker_id_index" on "drill_attempt" ("worker_id");`);
    this.addSql(`alter table "drill_attempt" add constraint "drill_attempt_drill_id_worker_id_number_unique" unique ("drill_id", "worker_id", "number");`);
    this.addSql(`create index "drill_attempt_open_deadline_index" on "drill_attempt" ("deadline") where "status" = 'IN_PROGRESS';`);
    this.addSql(`alter table "drill_attempt" add constraint "drill_attempt_drill_id_foreign" foreign key ("drill_id") references "drill" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "drill_attempt" add constraint "drill_attempt_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "drill_answer" ("id" uuid not null, "attempt_id" uuid not null, "question_id" uuid not null, "answer" jsonb not null, "seq" int not null, "saved_at" timestamptz not null, constraint "drill_answer_pkey" primary key ("id"));`);
    this.addSql(`alter table "drill_answer" add constraint "drill_answer_attempt_id_question_id_unique" unique ("attempt_id", "question_id");`);
    this.addSql(`alter table "drill_answer" add constraint "drill_answer_attempt_id_foreign" foreign key ("attempt_id") references "drill_attempt" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "drill_entry_attempt" ("id" uuid not null, "drill_id" uuid not null, "address" varchar(100) not null, "at" timestamptz not null, constraint "drill_entry_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "drill_entry_attempt_drill_id_at_index" on "drill_entry_attempt" ("drill_id", "at");`);
    this.addSql(`create index "drill_entry_attempt_address_at_index" on "drill_entry_attempt" ("address", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "drill_entry_attempt" cascade;`);
    this.addSql(`drop table if exists "drill_answer" cascade;`);
    this.addSql(`drop table if exists "drill_attempt" cascade;`);
    this.addSql(`drop table if exists "drill_pass" cascade;`);
  }
}
