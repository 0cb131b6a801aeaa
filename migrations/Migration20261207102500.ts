import { Migration } from '@mikro-orm/migrations';

/** Entry checks settled as failures apart from those under way (issue 16: a workshop entering at once behind one address). */
export class Migration20261207102500 extends Migration {
  override async up(): Promise<void> {
    // Records so far are failures (a right pass deletes its record): they stay counted.
    this.addSql(`alter table "drill_entry_attempt" add column "failed" boolean not null default false;`);
    this.addSql(`update "drill_entry_attempt" set "failed" = true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "drill_entry_attempt" drop column "failed";`);
  }
}
