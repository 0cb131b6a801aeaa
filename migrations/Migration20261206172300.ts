import { Migration } from '@mikro-orm/migrations';

/** A DISTRICT-level competition names its district: the scope of its participation rate (issue 11 item 6b). */
export class Migration20261206172300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "competition" add column "district" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "competition" drop column "district";`);
  }

}
