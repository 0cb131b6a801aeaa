import { Migration } from '@mikro-orm/migrations';

/**
 * The organizer's tools when a drill goes wrong (issue 16): every extension, voiding and re-marking of
 * an attempt is recorded on it, in order, as a small jsonb history (who, when, why, what changed).
 */
export class Migration20261207055847 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "drill_attempt" add column "history" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "drill_attempt" drop column "history";`);
  }
}
