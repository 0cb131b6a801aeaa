import { Migration } from '@mikro-orm/migrations';

/**
 * Names and titles sort by pinyin (李 before 张), not by code point (issue 13). The collation lives on
 * the columns, not in each ORDER BY, so every ordering, index and keyset cursor comparison (`name > ?`,
 * see src/common/pagination.ts) uses the same order without any query knowing about it. ICU's
 * zh-u-co-pinyin is deterministic, so equality, unique indexes and ILIKE behave as before.
 * MikroORM 6.6 cannot describe a PostgreSQL column collation (and its schema diff ignores one), so
 * test/common/pinyin-order.test.ts checks every column listed here.
 */
const COLUMNS: [table: string, column: string, type: string][] = [
  ['app_user', 'display_name', 'varchar(200)'],
  ['enterprise', 'name', 'varchar(200)'],
  ['worker', 'name', 'varchar(100)'],
  ['studio', 'name', 'varchar(200)'],
  ['competition', 'title', 'varchar(200)'],
  ['exhibition', 'title', 'varchar(200)'],
  ['alliance', 'name', 'varchar(200)'],
  ['innovation', 'title', 'varchar(200)'],
  ['incubation_project', 'title', 'varchar(200)'],
  ['operating_method', 'proposed_name', 'varchar(200)'],
  ['operating_method', 'official_name', 'varchar(200)'],
];

export class Migration20261206200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create collation if not exists "pinyin" (provider = icu, locale = 'zh-u-co-pinyin');`);
    for (const [table, column, type] of COLUMNS) {
      this.addSql(`alter table "${table}" alter column "${column}" type ${type} collate "pinyin";`);
    }
  }

  override async down(): Promise<void> {
    for (const [table, column, type] of COLUMNS) {
      this.addSql(`alter table "${table}" alter column "${column}" type ${type} collate "default";`);
    }
    this.addSql(`drop collation if exists "pinyin";`);
  }

}
