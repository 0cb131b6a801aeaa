import { Migration } from '@mikro-orm/migrations';

/**
 * Each entry's marks per stage (received, expected), so the public board can show a stage score only
 * once the entry's marks in that stage are all in (issue 12, independence on the public board). Rows
 * written before hold '{}': such a stage shows once its marking is closed, or after the entry's next mark.
 */
export class Migration20261206193000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "entry_result" add column "stage_marks" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "entry_result" drop column "stage_marks";`);
  }

}
