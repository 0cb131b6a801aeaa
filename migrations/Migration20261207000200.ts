import { Migration } from '@mikro-orm/migrations';

/**
 * Marks and their revisions written by submitScore's raw SQL carried now() to the microsecond, while
 * a keyset cursor carries a JavaScript Date (milliseconds): a row compared greater than its own
 * cursor and came back on the next page of scoreLog or Score.revisions. submitScore now writes
 * milliseconds; this truncates what was written before.
 */
export class Migration20261207000200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "score" set "created_at" = date_trunc('milliseconds', "created_at"), "updated_at" = date_trunc('milliseconds', "updated_at")
      where "created_at" <> date_trunc('milliseconds', "created_at") or "updated_at" <> date_trunc('milliseconds', "updated_at");`);
    this.addSql(`update "score_revision" set "at" = date_trunc('milliseconds', "at") where "at" <> date_trunc('milliseconds', "at");`);
  }

  override async down(): Promise<void> {
    // Nothing to undo: the sub-millisecond part carried no meaning.
  }
}
