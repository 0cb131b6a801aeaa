import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { App } from '../../app.js';
import { idOf } from '../../common/relay.js';
import { securityHeaders } from '../../common/static-assets.js';
import { User } from '../../auth/user.entity.js';
import { aggregate, round2, toHundredths } from '../../scoring/index.js';
import { CriterionKind, EntryStatus } from '../enums.js';
import { Entry } from '../entries/entry.entity.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { Competition } from '../setup/competition.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { Stage } from '../setup/stage.entity.js';
import { consumeDownloadLink } from './results-download.js';
import { scoreSheetDigest } from './score-sheet-digest.js';
import { SCORE_SHEET_CSP, scoreSheetPage, type PrintedSheet } from './score-sheet-page.js';
import { stageSheetMarks } from './sign-off.service.js';
import { StageSignOff } from './stage-sign-off.entity.js';
import { m } from './messages.js';
import { commonMessage, nameOf } from '../../common/messages.js';

/** The resource a one-time link names for a stage's printable score sheet. */
export const scoreSheetResource = (stageId: string) => `score-sheet:${stageId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOf = (raw: string, type: string) => (UUID.test(raw) ? raw.toLowerCase() : idOf(raw, type));

const NOTE: Partial<Record<EntryStatus, string>> = { [EntryStatus.WITHDRAWN]: '已退赛', [EntryStatus.DISQUALIFIED]: '取消资格' };

/**
 * How an entry is named on the sheet: as the jury sees it, by start number (参赛号). The marking
 * codes of anonymous stages (加密号) belong here once they exist.
 */
function entryLabel(entry: Entry): string {
  return entry.startNumber != null ? String(entry.startNumber) : '未抽签';
}

/** Everything the printed sheet shows, read from the database. */
export async function printedSheet(em: EntityManager, competition: Competition, stage: Stage): Promise<PrintedSheet> {
  const [criteria, entries, panel, marks, signOff] = [
    await em.find(Criterion, { stage }, { orderBy: { position: 'asc' } }),
    await em.find(Entry, { competition }, { orderBy: { startNumber: 'asc', createdAt: 'asc', id: 'asc' } }),
    await em.find(JudgeAssignment, { competition }, { orderBy: { assignedAt: 'asc', id: 'asc' } }),
    await stageSheetMarks(em, stage.id),
    await em.findOne(StageSignOff, { stage, invalidatedAt: null }),
  ];
  // Columns: the stage's judges now, then anyone else whose mark is on it (a judge since removed).
  const judgeIds = panel.filter((a) => !a.removedAt && a.stageIds.includes(stage.id)).map((a) => a.user.id);
  for (const m of marks) if (!judgeIds.includes(m.judgeId)) judgeIds.push(m.judgeId);
  const chief = panel.find((a) => !a.removedAt && a.chief) ?? null;
  const userIds = new Set([...judgeIds, ...marks.flatMap((m) => m.revisions.map((r) => r.judgeId)), ...(chief ? [chief.user.id] : []), ...(signOff ? [signOff.signedBy.id] : [])]);
  const users = new Map((await em.find(User, { id: { $in: [...userIds] } })).map((u) => [u.id, u.displayName]));
  const name = (id: string) => users.get(id) ?? '';
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const criterionById = new Map(criteria.map((c) => [c.id, c]));

  const counted = new Map<string, number>();
  for (const entry of entries) {
    for (const c of criteria) {
      const values = marks.filter((m) => m.entryId === entry.id && m.criterionId === c.id).map((m) => m.value);
      if (!values.length) continue;
      // As the score sheet of the API counts it: rounded half up from the exact fraction.
      counted.set(`${entry.id}:${c.id}`, c.kind === CriterionKind.MEASUREMENT ? round2(values[0]!) : toHundredths(aggregate(values, competition.aggregation)));
    }
  }
  return {
    competitionTitle: competition.title,
    stageName: stage.name,
    entries: entries.map((e) => ({ id: e.id, label: entryLabel(e), note: NOTE[e.status] ?? null })),
    criteria: criteria.map((c) => ({ id: c.id, name: c.name, maxScore: Number(c.maxScore) })),
    judges: judgeIds.map((id) => ({ id, name: name(id) })),
    chiefJudge: chief ? { name: name(chief.user.id) } : null,
    marks: new Map(marks.map((m) => [`${m.entryId}:${m.criterionId}:${m.judgeId}`, { value: m.value, revised: m.revisions.length > 0 }])),
    counted,
    corrections: marks.flatMap((m) => m.revisions.map((r) => ({
      entry: entryById.has(m.entryId) ? entryLabel(entryById.get(m.entryId)!) : '', criterion: criterionById.get(m.criterionId)?.name ?? '',
      judge: name(r.judgeId), from: r.oldValue, to: r.newValue, kind: r.reasonKind, reason: r.reason, at: r.at,
    }))).sort((a, b) => a.at.getTime() - b.at.getTime()),
    digest: scoreSheetDigest(marks),
    signOff: signOff ? { by: name(signOff.signedBy.id), at: signOff.signedAt, digest: signOff.digest } : null,
    printedAt: new Date(),
  };
}

function fail(res: Response, status: number, message: string): void {
  res.status(status).type('html').send(`<!doctype html><meta charset="utf-8"><title>${status}</title><p>${message}</p>`);
}

/**
 * GET /competitions/:id/stages/:stageId/score-sheet?token=… (ids: global IDs or uuids): the stage's
 * printable score sheet, opened once by a link from createScoreSheetPrintLink (the chief judge's or
 * the organizer's), so a browser needs no Authorization header. 410 when the link has expired, was
 * used or names another stage; 404 for an unknown stage.
 */
export function scoreSheetHandler(app: App) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      securityHeaders(res, SCORE_SHEET_CSP);
      res.setHeader('Cache-Control', 'no-store');
      const em = app.orm.em.fork() as EntityManager;
      const competitionId = uuidOf(String(req.params.id ?? ''), 'Competition');
      const stageId = uuidOf(String(req.params.stageId ?? ''), 'Stage');
      const token = typeof req.query.token === 'string' ? req.query.token : null;
      if (!token) return fail(res, 401, m('printLinkRequired'));
      if (!competitionId || !stageId || !(await consumeDownloadLink(em, competitionId, scoreSheetResource(stageId), token))) {
        return fail(res, 410, m('linkUsed'));
      }
      const stage = await em.findOne(Stage, { id: stageId, competition: competitionId });
      if (!stage) return fail(res, 404, commonMessage('notFound', { what: nameOf('Stage') }));
      const competition = await em.findOneOrFail(Competition, { id: competitionId });
      res.status(200).type('html').send(scoreSheetPage(await printedSheet(em, competition, stage)));
    } catch (err) {
      app.log.error({ err }, 'score sheet page failed');
      if (!res.headersSent) fail(res, 500, m('internalError'));
    }
  };
}
