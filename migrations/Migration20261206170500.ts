import { Migration } from '@mikro-orm/migrations';

const ORDER = `array['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN']`;

/**
 * Skill-level changes get a kind and a note, and every worker with a level gets its INITIAL record.
 * Existing changes are classified by what they did: a competition's is COMPETITION, one from no
 * level INITIAL, one level up PROMOTION; anything else (a jump or a downgrade, allowed until now)
 * becomes a CORRECTION with a note saying so. A worker's initial level is the `from` of its first
 * change, or its current level when it has none; it was in effect recorded when the worker was
 * registered, and is dated (at, recorded_at) no later than that first change, so it reads first.
 */
export class Migration20261206170500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "skill_level_change" add column "kind" text check ("kind" in ('INITIAL', 'PROMOTION', 'COMPETITION', 'CORRECTION', 'REVOCATION', 'ANNULMENT')) null, add column "note" varchar(2000) null;`);
    this.addSql(`update "skill_level_change" set "kind" = case
      when "source_competition_id" is not null then 'COMPETITION'
      when "from" is null then 'INITIAL'
      when array_position(${ORDER}, "to") = array_position(${ORDER}, "from") + 1 then 'PROMOTION'
      else 'CORRECTION' end;`);
    this.addSql(`update "skill_level_change" set "note" = 'Recorded before changes needed a kind; classified as a correction when the kinds were introduced' where "kind" = 'CORRECTION';`);
    this.addSql(`insert into "skill_level_change" ("id", "worker_id", "from", "to", "kind", "reason", "note", "source", "source_competition_id", "at", "recorded_at")
      select gen_random_uuid(), w."id", null, coalesce(first."from", w."skill_level"), 'INITIAL', '登记时的技能等级', null, null, null,
             least(w."created_at", coalesce(first."at", w."created_at")), least(w."created_at", coalesce(first."recorded_at", w."created_at"))
      from "worker" w
      left join lateral (
        select c."from", c."at", c."recorded_at", c."kind" from "skill_level_change" c where c."worker_id" = w."id" order by c."at", c."recorded_at" limit 1
      ) first on true
      where coalesce(first."from", w."skill_level") is not null and (first."kind" is null or first."kind" <> 'INITIAL');`);
    this.addSql(`alter table "skill_level_change" alter column "kind" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "skill_level_change" where "kind" = 'INITIAL' and "reason" = '登记时的技能等级';`);
    this.addSql(`alter table "skill_level_change" drop column "kind", drop column "note";`);
  }

}
