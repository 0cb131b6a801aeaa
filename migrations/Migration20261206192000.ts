import { Migration } from '@mikro-orm/migrations';

/** Marking codes (加密号) of anonymous stages, issued by the encryption officer (issue 12 §1). */
export class Migration20261206192000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "marking_code" ("id" uuid not null, "competition_id" uuid not null, "stage_id" uuid not null, "entry_id" uuid not null, "code" varchar(16) not null, "issued_by_id" uuid not null, "issued_at" timestamptz not null, constraint "marking_code_pkey" primary key ("id"));`);
    this.addSql(`create index "marking_code_entry_id_index" on "marking_code" ("entry_id");`);
    this.addSql(`create index "marking_code_competition_id_index" on "marking_code" ("competition_id");`);
    this.addSql(`alter table "marking_code" add constraint "marking_code_stage_id_entry_id_unique" unique ("stage_id", "entry_id");`);
    this.addSql(`alter table "marking_code" add constraint "marking_code_stage_id_code_unique" unique ("stage_id", "code");`);
    this.addSql(`alter table "marking_code" add constraint "marking_code_competition_id_foreign" foreign key ("competition_id") references "competition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "marking_code" add constraint "marking_code_stage_id_foreign" foreign key ("stage_id") references "stage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "marking_code" add constraint "marking_code_entry_id_foreign" foreign key ("entry_id") references "entry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "marking_code" add constraint "marking_code_issued_by_id_foreign" foreign key ("issued_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marking_code" cascade;`);
  }

}
