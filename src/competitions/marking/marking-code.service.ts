import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors.js';
import type { Viewer } from '../../context.js';
import { juryStanding } from '../access.js';
import { CompetitionStatus as S, EntryStatus, OfficialDuty } from '../enums.js';
import { Entry } from '../entries/entry.entity.js';
import { dutiesOf } from '../officials/official.service.js';
import { lockCompetition } from '../setup/competition.service.js';
import type { Competition } from '../setup/competition.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { MarkingCode } from './marking-code.entity.js';
import { m } from './messages.js';
import { labelOf } from '../../common/enum-labels.js';

/** Digits and capitals without 0/O and 1/I: read off a paper or typed on a tablet without doubt. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/** A crypto-random code (32^6 ≈ 10^9 of them): nothing about the entry or its start number goes in. */
export function newMarkingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Codes are issued once lots are drawn and until marking is under way. */
const ISSUABLE: readonly S[] = [S.REGISTRATION_CLOSED, S.IN_PROGRESS];

async function isOfficer(em: EntityManager, competitionId: string, userId: string): Promise<boolean> {
  return (await dutiesOf(em, competitionId, userId)).includes(OfficialDuty.ENCRYPTION_OFFICER);
}

/**
 * 发放加密号: the competition's encryption officer gives every ACTIVE entry of an anonymous stage a
 * code. Idempotent: codes already issued stay, entries without one get one. Nobody else may, not the
 * organizer, an ADMIN or the chief judge: whoever makes the codes holds the map.
 */
export async function issueMarkingCodes(em: EntityManager, viewer: Viewer, stageId: string): Promise<{ stage: Stage; issued: number; total: number }> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(Stage, { id: stageId });
    if (!found) throw notFound('Stage', ['input', 'stageId']);
    // The competition row lock serializes two issues of the same stage (a double click).
    const competition = await lockCompetition(tx, found.competition.id, ['input', 'stageId']);
    if (!(await isOfficer(tx, competition.id, viewer.id))) {
      throw forbidden(m('onlyOfficerIssues'));
    }
    const stage = await tx.findOneOrFail(Stage, { id: stageId }, { refresh: true });
    if (!stage.anonymous) {
      throw domainError(UserErrorCode.INVALID_STATE, m('notAnonymous', { stage: stage.name }), ['input', 'stageId']);
    }
    if (!ISSUABLE.includes(competition.status)) {
      throw domainError(UserErrorCode.INVALID_STATE, m('notIssuable', { status: labelOf('CompetitionStatus', competition.status) }));
    }
    const entries = await tx.find(Entry, { competition, status: EntryStatus.ACTIVE });
    if (entries.some((e) => e.startNumber == null)) {
      throw new DomainError({ code: UserErrorCode.INVALID_STATE, message: m('drawFirst') });
    }
    const existing = await tx.find(MarkingCode, { stage });
    const coded = new Set(existing.map((c) => c.entry.id));
    const used = new Set(existing.map((c) => c.code));
    let issued = 0;
    // One time for the whole issue: a clock ticking mid-loop would order the codes (myMarkingList by ISSUED_AT) as the entries were read.
    const issuedAt = new Date();
    for (const entry of entries) {
      if (coded.has(entry.id)) continue;
      let code = newMarkingCode();
      while (used.has(code)) code = newMarkingCode();
      used.add(code);
      tx.create(MarkingCode, { competition, stage, entry, code, issuedBy: viewer.id, issuedAt } as never);
      issued++;
    }
    await tx.flush();
    return { stage, issued, total: existing.length + issued };
  });
}

/**
 * Who reads a stage's map from code to entry (解密): its encryption officer always; the jury (the
 * competition's organizer, ADMIN, its chief judge) once the stage's results are signed off. Nobody else.
 */
export async function mayReadCodeMap(em: EntityManager, viewer: Viewer | null, competition: Competition, stageId: string): Promise<boolean> {
  if (!viewer) return false;
  if (await isOfficer(em, competition.id, viewer.id)) return true;
  if (!(await juryStanding(em, viewer, competition)).jury) return false;
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from stage_sign_off where stage_id = ? and invalidated_at is null`, [stageId]);
  return (row?.n ?? 0) > 0;
}

/**
 * The codes a judge marks now: ACTIVE entries of a stage they judge, not the chief judge (who sees
 * every mark by entry, so a code they marked would name its entry), none with a worker of the judge's
 * own enterprise, and for a substitute only the entries of their scope. A code outside this set is answered like an unknown one.
 */
const MARKABLE_SQL = `
  select mc.id, mc.entry_id, mc.stage_id from marking_code mc
  join entry e on e.id = mc.entry_id and e.status = 'ACTIVE'
  join judge_assignment j on j.competition_id = mc.competition_id and j.user_id = ? and j.removed_at is null
    and not j.chief and mc.stage_id = any(j.stage_ids)
    -- a substitute's scope (issue 12 §3): only the entries named in the assignment
    and (j.entry_ids is null or cardinality(j.entry_ids) = 0 or mc.entry_id = any(j.entry_ids))
  where %WHERE%
    and (j.enterprise_id is null or not exists (select 1 from entry_member m where m.entry_id = mc.entry_id and m.enterprise_id = j.enterprise_id))`;

/** Ids of the codes of a stage the judge may mark. */
export async function markableCodeIds(em: EntityManager, userId: string, stageId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(MARKABLE_SQL.replace('%WHERE%', 'mc.stage_id = ?'), [userId, stageId]);
  return rows.map((r) => r.id);
}

/** What a marking ID stands for, if the judge may mark it; null otherwise (one answer for every reason). */
export async function slipForJudge(em: EntityManager, userId: string, markingId: string): Promise<{ entryId: string; stageId: string } | null> {
  const [row] = await em.execute<{ entry_id: string; stage_id: string }[]>(MARKABLE_SQL.replace('%WHERE%', 'mc.id = ?'), [userId, markingId]);
  return row ? { entryId: row.entry_id, stageId: row.stage_id } : null;
}

/** How many ACTIVE entries of the competition have no code in the stage yet. */
export async function entriesWithoutCode(em: EntityManager, competitionId: string, stageId: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from entry e where e.competition_id = ? and e.status = 'ACTIVE'
       and not exists (select 1 from marking_code mc where mc.entry_id = e.id and mc.stage_id = ?)`,
    [competitionId, stageId]);
  return row?.n ?? 0;
}
