import { Migration } from '@mikro-orm/migrations';

export class Migration20261125104128 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "enterprise" ("id" uuid not null, "name" varchar(200) not null, "credit_code" varchar(18) not null, "ownership" text check ("ownership" in ('STATE_OWNED', 'COLLECTIVE', 'PRIVATE', 'MIXED', 'FOREIGN_INVESTED')) not null, "size" text check ("size" in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')) not null, "industry" varchar(100) not null, "district" varchar(100) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "enterprise_pkey" primary key ("id"));`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "enterprise_ownership_index" on "enterprise" ("ownership");`);
    this.addSql(`create index "enterprise_industry_index" on "enterprise" ("industry");`);
    this.addSql(`create index "enterprise_district_index" on "enterprise" ("district");`);

    this.addSql(`create table "login_attempt" ("id" uuid not null, "email" varchar(254) not null, "at" timestamptz not null, constraint "login_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "login_attempt_email_at_index" on "login_attempt" ("email", "at");`);

    this.addSql(`create table "worker" ("id" uuid not null, "name" varchar(100) not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) not null, "birth_year" int not null, "enterprise_id" uuid not null, "trade" varchar(100) not null, "skill_level" text check ("skill_level" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "employee_number" varchar(50) not null, "migrant_worker" boolean not null default false, "joined_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "worker_pkey" primary key ("id"));`);
    this.addSql(`create index "worker_name_index" on "worker" ("name");`);
    this.addSql(`create index "worker_enterprise_id_index" on "worker" ("enterprise_id");`);
    this.addSql(`create index "worker_trade_index" on "worker" ("trade");`);
    this.addSql(`create index "worker_skill_level_index" on "worker" ("skill_level");`);
    this.addSql(`alter table "worker" add constraint "worker_enterprise_id_employee_number_unique" unique ("enterprise_id", "employee_number");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(200) not null, "roles" text[] not null, "password_hash" varchar(300) not null, "disabled" boolean not null default false, "token_version" int not null default 0, "worker_id" uuid null, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "skill_level_change" ("id" uuid not null, "worker_id" uuid not null, "from" text check ("from" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) null, "to" text check ("to" in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN')) not null, "reason" varchar(500) not null, "source" varchar(300) null, "at" timestamptz not null, "recorded_at" timestamptz not null, constraint "skill_level_change_pkey" primary key ("id"));`);
    this.addSql(`create index "skill_level_change_worker_id_index" on "skill_level_change" ("worker_id");`);

    this.addSql(`create table "honor" ("id" uuid not null, "worker_id" uuid not null, "kind" text check ("kind" in ('MODEL_WORKER', 'CRAFTSMAN', 'GOLD_MEDAL_WORKER', 'SKILLED_CRAFTSMAN', 'TECHNICAL_EXPERT', 'CHIEF_TECHNICIAN', 'OUTSTANDING_TECHNICIAN')) not null, "level" text check ("level" in ('ENTERPRISE', 'DISTRICT', 'CITY', 'PROVINCE', 'NATIONAL')) not null, "year" int not null, "source" varchar(300) null, "created_at" timestamptz not null, constraint "honor_pkey" primary key ("id"));`);
    this.addSql(`create index "honor_worker_id_index" on "honor" ("worker_id");`);
    this.addSql(`create index "honor_kind_worker_id_index" on "honor" ("kind", "worker_id");`);

    this.addSql(`alter table "worker" add constraint "worker_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "skill_level_change" add constraint "skill_level_change_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "honor" add constraint "honor_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "worker" drop constraint "worker_enterprise_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_worker_id_foreign";`);

    this.addSql(`alter table "skill_level_change" drop constraint "skill_level_change_worker_id_foreign";`);

    this.addSql(`alter table "honor" drop constraint "honor_worker_id_foreign";`);

    this.addSql(`drop table if exists "enterprise" cascade;`);

    this.addSql(`drop table if exists "login_attempt" cascade;`);

    this.addSql(`drop table if exists "worker" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "skill_level_change" cascade;`);

    this.addSql(`drop table if exists "honor" cascade;`);
  }

}
