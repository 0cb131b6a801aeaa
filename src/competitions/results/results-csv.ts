import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { App } from '../../app.js';
import type { Viewer } from '../../context.js';
import { resolveViewer } from '../../auth/auth.service.js';
import { idOf, toGlobalId } from '../../common/relay.js';
import { isOwner } from '../access.js';
import { Award } from './award.entity.js';
import { Competition } from '../setup/competition.entity.js';
import { CompetitionStatus, EntryStatus, PrizeTierName } from '../enums.js';
import { buildBoard } from '../leaderboard/leaderboard.service.js';
import { withStandardisedScores } from '../../scoring/index.js';
import { consumeResultsDownload, contentDisposition } from './results-download.js';
import { User } from '../../auth/user.entity.js';
import { Criterion } from '../setup/criterion.entity.js';
import { MarkingGapAcceptance } from '../judging/marking-gap.entity.js';
import { m } from './messages.js';
import { commonMessage, nameOf } from '../../common/messages.js';

export const PRIZE_NAMES: Record<PrizeTierName, string> = {
  [PrizeTierName.FIRST]: '一等奖',
  [PrizeTierName.SECOND]: '二等奖',
  [PrizeTierName.THIRD]: '三等奖',
  [PrizeTierName.EXCELLENCE]: '优秀奖',
};

const STATUS_NAMES: Record<EntryStatus, string> = {
  [EntryStatus.ACTIVE]: '参赛',
  [EntryStatus.WITHDRAWN]: '退赛',
  [EntryStatus.DISQUALIFIED]: '取消资格',
  [EntryStatus.ABSENT]: '缺考',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One CSV writer for the app (common/csv.ts); re-exported for this module's callers.
import { toCsv } from '../../common/csv.js';
export { csvField, toCsv } from '../../common/csv.js';

const score = (n: number) => n.toFixed(2);
/** A standardised score in two decimals; a negative one (over five SD below the mean) stays a number, which csvField never mistakes for a formula. */
const standardised = (n: number | null) => (n === null ? null : n < 0 ? n : score(n));

/**
 * The results table: the provisional ranking before finalization (no prizes), the awards after.
 * Withdrawn and disqualified entries close the list, unranked (absent ones too, or ranked last, as the
 * competition says). 标准分 is the standardised score (WorldSkills 700 scale, src/scoring/standardise.ts):
 * empty for unranked entries and when fewer than 3 are ranked. Gaps the chief judge accepted follow the
 * table, one line each.
 */
export async function resultsTable(em: EntityManager, competition: Competition): Promise<(string | number | null)[][]> {
  const board = await buildBoard(em, competition);
  const finalized = competition.status === CompetitionStatus.FINALIZED;
  const awards = finalized ? new Map((await em.find(Award, { competition })).map((a) => [a.entry.id, a])) : new Map<string, Award>();
  const rows = board.rows.map((r, i) => {
    const award = awards.get(r.entryId);
    return { r, i, rank: finalized ? award?.rank ?? null : r.rank, total: award ? Number(award.total) : r.total, prize: award?.prize ?? null };
  });
  // After finalization the stored awards are the record; sort on them (normally the same order as the board).
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.i - b.i);
  // 标准分 from the ranks and totals of this table (the awards' once finalized), as the leaderboard does.
  const header = ['名次', '参赛号', '姓名', '单位', ...board.stages.map((s) => s.name), '总分', '标准分', '奖项', '状态'];
  return [
    header,
    ...withStandardisedScores(rows, ({ r }) => r.status === EntryStatus.ABSENT).map(({ r, rank, total, prize, standardisedScore }) => [
      rank,
      r.startNumber,
      r.displayName,
      r.enterpriseNames.join('、'),
      ...board.stages.map((s) => score(r.stageScores[s.id] ?? 0)),
      score(total),
      standardised(standardisedScore),
      prize ? PRIZE_NAMES[prize] : null,
      STATUS_NAMES[r.status],
    ]),
    ...(await acceptedGapLines(em, competition, board)),
  ];
}

/**
 * After the table, one line per gap the chief judge accepted (issue 12 §3): marking closed with these
 * marks missing, who accepted it, when and why, and which start numbers and criteria it covered.
 */
async function acceptedGapLines(em: EntityManager, competition: Competition, board: Awaited<ReturnType<typeof buildBoard>>): Promise<(string | number | null)[][]> {
  const acceptances = await em.find(MarkingGapAcceptance, { competition }, { orderBy: { acceptedAt: 'asc', id: 'asc' } });
  if (!acceptances.length) return [];
  const users = new Map((await em.find(User, { id: { $in: acceptances.map((a) => a.acceptedBy.id) } }, { fields: ['displayName'] })).map((u) => [u.id, u.displayName]));
  const criteria = new Map((await em.find(Criterion, { competition }, { fields: ['name'] })).map((c) => [c.id, c.name]));
  const stages = new Map(board.stages.map((s) => [s.id, s.name]));
  const numbers = new Map(board.rows.map((r) => [r.entryId, r.startNumber]));
  return [
    [],
    ['评分缺项确认', '范围', '确认人', '确认时间', '理由', '缺项'],
    ...acceptances.map((a) => [
      '裁判长已确认缺项',
      a.stage ? stages.get(a.stage.id) ?? null : '全部赛段',
      users.get(a.acceptedBy.id) ?? null,
      a.acceptedAt.toISOString(),
      a.reason,
      a.gaps.map((g) => `${numbers.get(g.entryId) ?? '—'}号 ${criteria.get(g.criterionId) ?? ''} 缺${g.missing}`).join('；'),
    ]),
  ];
}

function fail(res: Response, status: number, error: string): void {
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).json({ error });
}

/**
 * GET /competitions/:id/results.csv (id: global ID or uuid) — for the competition's organizer and
 * ADMIN, with `Authorization: Bearer <token>`: 401 without a valid token, 403 for anyone else, 404
 * for an unknown competition. Or with `?token=` from createResultsDownload, no header:
 * 410 when the link has expired or was used.
 */
export function resultsCsvHandler(app: App) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      res.setHeader('Cache-Control', 'no-store');
      // A one-time token in the URL must not leak onward through the Referer of anything the page loads.
      res.setHeader('Referrer-Policy', 'no-referrer');
      const em = app.orm.em.fork() as EntityManager;
      const raw = String(req.params.id ?? '');
      const id = UUID.test(raw) ? raw.toLowerCase() : idOf(raw, 'Competition');
      const token = typeof req.query.token === 'string' ? req.query.token : null;
      let viewer: Viewer | null = null;
      if (token !== null) {
        // A link from createResultsDownload: the token is the permission, good once.
        if (!id || !(await consumeResultsDownload(em, id, token))) return fail(res, 410, m('downloadLinkUsed'));
      } else {
        viewer = await resolveViewer(em, app.tokens, req.headers.authorization);
        if (!viewer) return fail(res, 401, m('tokenRequired'));
      }
      const competition = id ? await em.findOne(Competition, { id }) : null;
      if (!competition) return fail(res, 404, commonMessage('notFound', { what: nameOf('Competition') }));
      if (token === null && !isOwner(viewer, competition)) return fail(res, 403, m('downloadDenied'));
      const csv = toCsv(await resultsTable(em, competition));
      const globalId = toGlobalId('Competition', competition.id);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', contentDisposition(competition.title, `results-${globalId}.csv`));
      res.send(Buffer.from(csv, 'utf8'));
    } catch (err) {
      app.log.error({ err }, 'results.csv failed');
      if (!res.headersSent) fail(res, 500, m('internalError'));
    }
  };
}
