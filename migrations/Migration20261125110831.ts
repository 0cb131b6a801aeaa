import { Migration } from '@mikro-orm/migrations';

export class Migration20261125110831 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "exhibition" ("id" uuid not null, "title" varchar(200) not null, "venue" varchar(300) not null, "online" boolean not null default false, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "exhibition_pkey" primary key ("id"));`);
    this.addSql(`create index "exhibition_starts_at_index" on "exhibition" ("starts_at");`);

    this.addSql(`create table "exhibition_item" ("id" uuid not null, "exhibition_id" uuid not null, "kind" text check ("kind" in ('INNOVATION', 'OPERATING_METHOD', 'INCUBATION_PROJECT')) not null, "item_id" uuid not null, "added_by_id" uuid not null, "added_at" timestamptz not null, constraint "exhibition_item_pkey" primary key ("id"));`);
    this.addSql(`create index "exhibition_item_item_id_index" on "exhibition_item" ("item_id");`);
    this.addSql(`alter table "exhibition_item" add constraint "exhibition_item_exhibition_id_kind_item_id_unique" unique ("exhibition_id", "kind", "item_id");`);

    this.addSql(`create table "alliance" ("id" uuid not null, "name" varchar(200) not null, "scope" text check ("scope" in ('REGIONAL', 'INDUSTRY')) not null, "region" varchar(100) null, "industry" varchar(100) null, "description" text not null default '', "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "alliance_pkey" primary key ("id"));`);
    this.addSql(`alter table "alliance" add constraint "alliance_name_unique" unique ("name");`);

    this.addSql(`create table "studio" ("id" uuid not null, "name" varchar(200) not null, "kind" text check ("kind" in ('MODEL_WORKER', 'CRAFTSMAN', 'SKILL_MASTER', 'WORKER_INNOVATION')) not null, "level" text check ("level" in ('ENTERPRISE', 'DISTRICT', 'CITY', 'PROVINCE', 'NATIONAL')) not null, "status" text check ("status" in ('APPLIED', 'CHANGES_REQUESTED', 'ACCREDITED', 'REJECTED', 'SUSPENDED', 'REVOKED')) not null default 'APPLIED', "description" text not null default '', "focus_areas" text[] not null, "enterprise_id" uuid not null, "leader_id" uuid not null, "manager_id" uuid not null, "applied_at" timestamptz not null, "accredited_at" timestamptz null, "review_due_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "studio_pkey" primary key ("id"));`);
    this.addSql(`create index "studio_kind_index" on "studio" ("kind");`);
    this.addSql(`create index "studio_status_index" on "studio" ("status");`);
    this.addSql(`create index "studio_enterprise_id_index" on "studio" ("enterprise_id");`);
    this.addSql(`create index "studio_leader_id_index" on "studio" ("leader_id");`);
    this.addSql(`create index "studio_manager_id_index" on "studio" ("manager_id");`);
    this.addSql(`create index "studio_status_review_due_at_index" on "studio" ("status", "review_due_at");`);

    this.addSql(`create table "studio_report" ("id" uuid not null, "studio_id" uuid not null, "year" int not null, "trainees" int not null, "apprentices_mentored" int not null, "projects_completed" int not null, "patents_filed" int not null, "economic_benefit" numeric(14,2) not null, "summary" text not null, "submitted_by_id" uuid not null, "submitted_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "studio_report_pkey" primary key ("id"));`);
    this.addSql(`alter table "studio_report" add constraint "studio_report_studio_id_year_unique" unique ("studio_id", "year");`);

    this.addSql(`create table "studio_member" ("id" uuid not null, "studio_id" uuid not null, "worker_id" uuid not null, "role" text check ("role" in ('LEADER', 'CORE_MEMBER', 'MEMBER', 'APPRENTICE')) not null, "mentor_id" uuid null, "joined_at" timestamptz not null, constraint "studio_member_pkey" primary key ("id"));`);
    this.addSql(`create index "studio_member_worker_id_index" on "studio_member" ("worker_id");`);
    this.addSql(`alter table "studio_member" add constraint "studio_member_studio_id_worker_id_unique" unique ("studio_id", "worker_id");`);

    this.addSql(`create table "studio_decision" ("id" uuid not null, "studio_id" uuid not null, "action" text check ("action" in ('APPLY', 'RESUBMIT', 'ACCREDIT', 'REJECT', 'REQUEST_CHANGES', 'RENEW', 'SUSPEND', 'REVOKE')) not null, "from" text check ("from" in ('APPLIED', 'CHANGES_REQUESTED', 'ACCREDITED', 'REJECTED', 'SUSPENDED', 'REVOKED')) null, "to" text check ("to" in ('APPLIED', 'CHANGES_REQUESTED', 'ACCREDITED', 'REJECTED', 'SUSPENDED', 'REVOKED')) not null, "by_id" uuid not null, "comment" varchar(2000) null, "at" timestamptz not null, constraint "studio_decision_pkey" primary key ("id"));`);
    this.addSql(`create index "studio_decision_studio_id_index" on "studio_decision" ("studio_id");`);

    this.addSql(`create table "operating_method" ("id" uuid not null, "proposed_name" varchar(200) not null, "official_name" varchar(200) null, "status" text check ("status" in ('SUBMITTED', 'UNDER_REVIEW', 'NAMED', 'REJECTED')) not null default 'SUBMITTED', "inventor_ids" text[] not null, "enterprise_ids" text[] not null, "enterprise_id" uuid not null, "studio_id" uuid null, "trade" varchar(100) not null, "summary" text not null, "steps" text[] not null, "expected_benefit" text not null, "submitted_by_id" uuid not null, "submitted_at" timestamptz not null, "named_at" timestamptz null, "rejected_at" timestamptz null, "rejection_reason" varchar(2000) null, "version" int not null default 1, constraint "operating_method_pkey" primary key ("id"));`);
    this.addSql(`alter table "operating_method" add constraint "operating_method_official_name_unique" unique ("official_name");`);
    this.addSql(`create index "operating_method_status_index" on "operating_method" ("status");`);
    this.addSql(`create index "operating_method_enterprise_id_index" on "operating_method" ("enterprise_id");`);
    this.addSql(`create index "operating_method_studio_id_index" on "operating_method" ("studio_id");`);
    this.addSql(`create index "operating_method_trade_index" on "operating_method" ("trade");`);
    this.addSql(`create index "operating_method_submitted_by_id_index" on "operating_method" ("submitted_by_id");`);
    this.addSql(`create index "operating_method_inventor_ids_index" on "operating_method" using gin ("inventor_ids");`);

    this.addSql(`create table "method_reviewer" ("id" uuid not null, "method_id" uuid not null, "reviewer_id" uuid not null, "assigned_by_id" uuid not null, "assigned_at" timestamptz not null, constraint "method_reviewer_pkey" primary key ("id"));`);
    this.addSql(`alter table "method_reviewer" add constraint "method_reviewer_method_id_reviewer_id_unique" unique ("method_id", "reviewer_id");`);

    this.addSql(`create table "method_adoption" ("id" uuid not null, "method_id" uuid not null, "enterprise_id" uuid not null, "adopted_at" timestamptz not null, "workers_trained" int not null, "economic_benefit" numeric(14,2) not null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, constraint "method_adoption_pkey" primary key ("id"));`);
    this.addSql(`create index "method_adoption_method_id_index" on "method_adoption" ("method_id");`);
    this.addSql(`create index "method_adoption_enterprise_id_index" on "method_adoption" ("enterprise_id");`);
    this.addSql(`create index "method_adoption_adopted_at_index" on "method_adoption" ("adopted_at");`);

    this.addSql(`create table "expert_review" ("id" uuid not null, "method_id" uuid not null, "reviewer_id" uuid not null, "innovation" smallint not null, "practicality" smallint not null, "benefit" smallint not null, "promotability" smallint not null, "total" smallint not null, "comment" text not null, "recommend" boolean not null, "submitted_at" timestamptz not null, "updated_at" timestamptz not null, constraint "expert_review_pkey" primary key ("id"));`);
    this.addSql(`create index "expert_review_reviewer_id_index" on "expert_review" ("reviewer_id");`);
    this.addSql(`alter table "expert_review" add constraint "expert_review_method_id_reviewer_id_unique" unique ("method_id", "reviewer_id");`);

    this.addSql(`create table "expert_review_revision" ("id" uuid not null, "review_id" uuid not null, "innovation" smallint not null, "practicality" smallint not null, "benefit" smallint not null, "promotability" smallint not null, "total" smallint not null, "comment" text not null, "recommend" boolean not null, "given_at" timestamptz not null, "replaced_at" timestamptz not null, constraint "expert_review_revision_pkey" primary key ("id"));`);
    this.addSql(`create index "expert_review_revision_review_id_index" on "expert_review_revision" ("review_id");`);

    this.addSql(`create table "innovation" ("id" uuid not null, "studio_id" uuid not null, "title" varchar(200) not null, "category" text check ("category" in ('TECHNICAL_INNOVATION', 'PROCESS_IMPROVEMENT', 'PATENT', 'QC_ACHIEVEMENT', 'RATIONALIZATION_PROPOSAL')) not null, "description" text not null, "inventor_ids" text[] not null, "economic_benefit" numeric(14,2) null, "patent_number" varchar(50) null, "year" int not null, "registered_by_id" uuid not null, "registered_at" timestamptz not null, constraint "innovation_pkey" primary key ("id"));`);
    this.addSql(`create index "innovation_studio_id_index" on "innovation" ("studio_id");`);
    this.addSql(`create index "innovation_category_year_index" on "innovation" ("category", "year");`);

    this.addSql(`create table "alliance_membership" ("id" uuid not null, "alliance_id" uuid not null, "studio_id" uuid not null, "joined_at" timestamptz not null, constraint "alliance_membership_pkey" primary key ("id"));`);
    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_alliance_id_studio_id_unique" unique ("alliance_id", "studio_id");`);

    this.addSql(`create table "incubation_project" ("id" uuid not null, "title" varchar(200) not null, "summary" text not null, "field" varchar(100) not null, "stage" text check ("stage" in ('IDEA', 'INCUBATING', 'PILOT', 'GRADUATED', 'TERMINATED')) not null default 'IDEA', "lead_worker_id" uuid not null, "enterprise_id" uuid not null, "studio_id" uuid null, "owner_id" uuid not null, "termination_reason" varchar(2000) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "incubation_project_pkey" primary key ("id"));`);
    this.addSql(`create index "incubation_project_field_index" on "incubation_project" ("field");`);
    this.addSql(`create index "incubation_project_stage_index" on "incubation_project" ("stage");`);
    this.addSql(`create index "incubation_project_lead_worker_id_index" on "incubation_project" ("lead_worker_id");`);
    this.addSql(`create index "incubation_project_enterprise_id_index" on "incubation_project" ("enterprise_id");`);
    this.addSql(`create index "incubation_project_studio_id_index" on "incubation_project" ("studio_id");`);
    this.addSql(`create index "incubation_project_owner_id_index" on "incubation_project" ("owner_id");`);

    this.addSql(`create table "project_partner" ("id" uuid not null, "project_id" uuid not null, "kind" text check ("kind" in ('UNION', 'COLLEGE', 'MARKET_COMPANY', 'FINANCIAL_INSTITUTION')) not null, "name" varchar(200) not null, "contribution" text not null, "added_at" timestamptz not null, constraint "project_partner_pkey" primary key ("id"));`);
    this.addSql(`create index "project_partner_project_id_index" on "project_partner" ("project_id");`);

    this.addSql(`create table "project_milestone" ("id" uuid not null, "project_id" uuid not null, "title" varchar(200) not null, "description" text not null default '', "due_at" timestamptz null, "completed_at" timestamptz null, "completion_note" text null, "created_at" timestamptz not null, constraint "project_milestone_pkey" primary key ("id"));`);
    this.addSql(`create index "project_milestone_project_id_index" on "project_milestone" ("project_id");`);

    this.addSql(`create table "project_funding" ("id" uuid not null, "project_id" uuid not null, "source_kind" text check ("source_kind" in ('UNION', 'COLLEGE', 'MARKET_COMPANY', 'FINANCIAL_INSTITUTION', 'GOVERNMENT', 'ENTERPRISE', 'OTHER')) not null, "source" varchar(200) not null, "amount" numeric(14,2) not null, "received_at" timestamptz not null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, constraint "project_funding_pkey" primary key ("id"));`);
    this.addSql(`create index "project_funding_project_id_index" on "project_funding" ("project_id");`);
    this.addSql(`create index "project_funding_received_at_index" on "project_funding" ("received_at");`);

    this.addSql(`create table "gate_decision" ("id" uuid not null, "project_id" uuid not null, "decision" text check ("decision" in ('PASS', 'HOLD', 'KILL')) not null, "from_stage" text check ("from_stage" in ('IDEA', 'INCUBATING', 'PILOT', 'GRADUATED', 'TERMINATED')) not null, "to_stage" text check ("to_stage" in ('IDEA', 'INCUBATING', 'PILOT', 'GRADUATED', 'TERMINATED')) not null, "score" smallint null, "comment" varchar(2000) null, "decided_by_id" uuid not null, "at" timestamptz not null, constraint "gate_decision_pkey" primary key ("id"));`);
    this.addSql(`create index "gate_decision_project_id_index" on "gate_decision" ("project_id");`);

    this.addSql(`alter table "exhibition" add constraint "exhibition_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "exhibition_item" add constraint "exhibition_item_exhibition_id_foreign" foreign key ("exhibition_id") references "exhibition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "exhibition_item" add constraint "exhibition_item_added_by_id_foreign" foreign key ("added_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "alliance" add constraint "alliance_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "studio" add constraint "studio_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "studio" add constraint "studio_leader_id_foreign" foreign key ("leader_id") references "worker" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "studio" add constraint "studio_manager_id_foreign" foreign key ("manager_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "studio_report" add constraint "studio_report_studio_id_foreign" foreign key ("studio_id") references "studio" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "studio_report" add constraint "studio_report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "studio_member" add constraint "studio_member_studio_id_foreign" foreign key ("studio_id") references "studio" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "studio_member" add constraint "studio_member_worker_id_foreign" foreign key ("worker_id") references "worker" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "studio_member" add constraint "studio_member_mentor_id_foreign" foreign key ("mentor_id") references "worker" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "studio_decision" add constraint "studio_decision_studio_id_foreign" foreign key ("studio_id") references "studio" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "studio_decision" add constraint "studio_decision_by_id_foreign" foreign key ("by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "operating_method" add constraint "operating_method_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "operating_method" add constraint "operating_method_studio_id_foreign" foreign key ("studio_id") references "studio" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "operating_method" add constraint "operating_method_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "method_reviewer" add constraint "method_reviewer_method_id_foreign" foreign key ("method_id") references "operating_method" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "method_reviewer" add constraint "method_reviewer_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "method_reviewer" add constraint "method_reviewer_assigned_by_id_foreign" foreign key ("assigned_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "method_adoption" add constraint "method_adoption_method_id_foreign" foreign key ("method_id") references "operating_method" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "method_adoption" add constraint "method_adoption_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "method_adoption" add constraint "method_adoption_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "expert_review" add constraint "expert_review_method_id_foreign" foreign key ("method_id") references "operating_method" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "expert_review" add constraint "expert_review_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "expert_review_revision" add constraint "expert_review_revision_review_id_foreign" foreign key ("review_id") references "expert_review" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "innovation" add constraint "innovation_studio_id_foreign" foreign key ("studio_id") references "studio" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "innovation" add constraint "innovation_registered_by_id_foreign" foreign key ("registered_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_alliance_id_foreign" foreign key ("alliance_id") references "alliance" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_studio_id_foreign" foreign key ("studio_id") references "studio" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "incubation_project" add constraint "incubation_project_lead_worker_id_foreign" foreign key ("lead_worker_id") references "worker" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incubation_project" add constraint "incubation_project_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incubation_project" add constraint "incubation_project_studio_id_foreign" foreign key ("studio_id") references "studio" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incubation_project" add constraint "incubation_project_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "project_partner" add constraint "project_partner_project_id_foreign" foreign key ("project_id") references "incubation_project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_milestone" add constraint "project_milestone_project_id_foreign" foreign key ("project_id") references "incubation_project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_funding" add constraint "project_funding_project_id_foreign" foreign key ("project_id") references "incubation_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_funding" add constraint "project_funding_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "gate_decision" add constraint "gate_decision_project_id_foreign" foreign key ("project_id") references "incubation_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "gate_decision" add constraint "gate_decision_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "exhibition_item" drop constraint "exhibition_item_exhibition_id_foreign";`);

    this.addSql(`alter table "alliance_membership" drop constraint "alliance_membership_alliance_id_foreign";`);

    this.addSql(`alter table "studio_report" drop constraint "studio_report_studio_id_foreign";`);

    this.addSql(`alter table "studio_member" drop constraint "studio_member_studio_id_foreign";`);

    this.addSql(`alter table "studio_decision" drop constraint "studio_decision_studio_id_foreign";`);

    this.addSql(`alter table "operating_method" drop constraint "operating_method_studio_id_foreign";`);

    this.addSql(`alter table "innovation" drop constraint "innovation_studio_id_foreign";`);

    this.addSql(`alter table "alliance_membership" drop constraint "alliance_membership_studio_id_foreign";`);

    this.addSql(`alter table "incubation_project" drop constraint "incubation_project_studio_id_foreign";`);

    this.addSql(`alter table "method_reviewer" drop constraint "method_reviewer_method_id_foreign";`);

    this.addSql(`alter table "method_adoption" drop constraint "method_adoption_method_id_foreign";`);

    this.addSql(`alter table "expert_review" drop constraint "expert_review_method_id_foreign";`);

    this.addSql(`alter table "expert_review_revision" drop constraint "expert_review_revision_review_id_foreign";`);

    this.addSql(`alter table "project_partner" drop constraint "project_partner_project_id_foreign";`);

    this.addSql(`alter table "project_milestone" drop constraint "project_milestone_project_id_foreign";`);

    this.addSql(`alter table "project_funding" drop constraint "project_funding_project_id_foreign";`);

    this.addSql(`alter table "gate_decision" drop constraint "gate_decision_project_id_foreign";`);

    this.addSql(`drop table if exists "exhibition" cascade;`);

    this.addSql(`drop table if exists "exhibition_item" cascade;`);

    this.addSql(`drop table if exists "alliance" cascade;`);

    this.addSql(`drop table if exists "studio" cascade;`);

    this.addSql(`drop table if exists "studio_report" cascade;`);

    this.addSql(`drop table if exists "studio_member" cascade;`);

    this.addSql(`drop table if exists "studio_decision" cascade;`);

    this.addSql(`drop table if exists "operating_method" cascade;`);

    this.addSql(`drop table if exists "method_reviewer" cascade;`);

    this.addSql(`drop table if exists "method_adoption" cascade;`);

    this.addSql(`drop table if exists "expert_review" cascade;`);

    this.addSql(`drop table if exists "expert_review_revision" cascade;`);

    this.addSql(`drop table if exists "innovation" cascade;`);

    this.addSql(`drop table if exists "alliance_membership" cascade;`);

    this.addSql(`drop table if exists "incubation_project" cascade;`);

    this.addSql(`drop table if exists "project_partner" cascade;`);

    this.addSql(`drop table if exists "project_milestone" cascade;`);

    this.addSql(`drop table if exists "project_funding" cascade;`);

    this.addSql(`drop table if exists "gate_decision" cascade;`);
  }

}
