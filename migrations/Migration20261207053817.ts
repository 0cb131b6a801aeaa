import { Migration } from '@mikro-orm/migrations';

/** One-time links to a nomination's printable form (推荐表, issue 15): src/honors/nomination-print-link.entity.ts. */
export class Migration20261207053817 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "nomination_print_link" ("id" uuid not null, "nomination_id" uuid not null, "token_hash" varchar(64) not null, "created_by_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "nomination_print_link_pkey" primary key ("id"));`);
    this.addSql(`create index "nomination_print_link_nomination_id_index" on "nomination_print_link" ("nomination_id");`);
    this.addSql(`alter table "nomination_print_link" add constraint "nomination_print_link_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "nomination_print_link" add constraint "nomination_print_link_nomination_id_foreign" foreign key ("nomination_id") references "nomination" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "nomination_print_link" add constraint "nomination_print_link_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "nomination_print_link" cascade;`);
  }
}
