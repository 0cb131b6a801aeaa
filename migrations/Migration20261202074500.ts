import { Migration } from '@mikro-orm/migrations';

/**
 * Id arrays were created as text[] though the entities hold uuids: make them uuid[] so PostgreSQL
 * rejects a malformed id and compares them with uuid columns without casts.
 */
export class Migration20261202074500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "competition" alter column "eligible_enterprise_ids" type uuid[] using "eligible_enterprise_ids"::uuid[];`);
    this.addSql(`alter table "judge_assignment" alter column "stage_ids" type uuid[] using "stage_ids"::uuid[];`);
    this.addSql(`alter table "operating_method" alter column "inventor_ids" type uuid[] using "inventor_ids"::uuid[];`);
    this.addSql(`alter table "operating_method" alter column "enterprise_ids" type uuid[] using "enterprise_ids"::uuid[];`);
    this.addSql(`alter table "innovation" alter column "inventor_ids" type uuid[] using "inventor_ids"::uuid[];`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "competition" alter column "eligible_enterprise_ids" type text[] using "eligible_enterprise_ids"::text[];`);
    this.addSql(`alter table "judge_assignment" alter column "stage_ids" type text[] using "stage_ids"::text[];`);
    this.addSql(`alter table "operating_method" alter column "inventor_ids" type text[] using "inventor_ids"::text[];`);
    this.addSql(`alter table "operating_method" alter column "enterprise_ids" type text[] using "enterprise_ids"::text[];`);
    this.addSql(`alter table "innovation" alter column "inventor_ids" type text[] using "inventor_ids"::text[];`);
  }

}
