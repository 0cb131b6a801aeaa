import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { App } from '../app.js';
import { forbidden } from '../common/errors.js';
import { todayInChina } from '../common/date.js';
import { enumLabel } from '../common/enum-labels.js';
import { idOf, toGlobalId } from '../common/relay.js';
import { commonMessage, nameOf } from '../common/messages.js';
import { securityHeaders } from '../common/static-assets.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../context.js';
import { Enterprise } from '../registry/enterprise.entity.js';
import { Worker } from '../registry/worker.entity.js';
import { Competition } from '../competitions/setup/competition.entity.js';
import { Award } from '../competitions/results/award.entity.js';
import { OperatingMethod } from '../methods/operating-method.entity.js';
import { Innovation } from '../studios/innovation.entity.js';
import { runsCampaign } from './access.js';
import { HonorCampaign } from './campaign.entity.js';
import { m } from './messages.js';
import { NominationPrintLink } from './nomination-print-link.entity.js';
import { NOMINATION_FORM_CSP, nominationFormPage, type PrintedNomination } from './nomination-print-page.js';
import { Nomination } from './nomination.entity.js';
import { NOMINATOR, scopeOf, tradeStartYearOf } from './registry-facts.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const zh = (enumName: string, value: string | null) => (value ? enumLabel(enumName, value) ?? value : '无');

/** Who may print a nomination's form: its nominator, a NOMINATOR of its enterprise, whoever runs its campaign (organizer, ADMIN). */
export async function mayPrintNomination(em: EntityManager, viewer: Viewer, nomination: Nomination, campaign: HonorCampaign): Promise<boolean> {
  if (runsCampaign(viewer, campaign) || nomination.nominatedBy.id === viewer.id) return true;
  if (!viewer.roles.includes(NOMINATOR)) return false;
  const user = await em.findOne(User, { id: viewer.id });
  return !!user && scopeOf(user) === nomination.enterprise.id;
}

/** Mints the one-time link (32 random bytes in the URL, only their hash stored), after the access check (FORBIDDEN). */
export async function createNominationPrintLink(em: EntityManager, viewer: Viewer, nomination: Nomination, ttlSeconds: number): Promise<{ url: string; expiresAt: Date }> {
  const campaign = await em.findOneOrFail(HonorCampaign, { id: nomination.campaign.id });
  if (!(await mayPrintNomination(em, viewer, nomination, campaign))) throw forbidden(m('printDenied'));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await em.transactional(async (tx) => {
    // Expired links open nothing (consumeLink checks expires_at): each new link clears them, so no sweeper is needed.
    await tx.execute(`delete from nomination_print_link where expires_at < now()`);
    tx.create(NominationPrintLink, { nomination, tokenHash: sha256(token), createdBy: tx.getReference(User, viewer.id), expiresAt } as never);
  });
  return { url: `/nominations/${toGlobalId('Nomination', nomination.id)}/form?token=${token}`, expiresAt };
}

/** Uses up a link in one statement (of two requests at once exactly one gets the row); the database's clock decides expiry. */
async function consumeLink(em: EntityManager, nominationId: string, token: string): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `update nomination_print_link set used_at = now()
     where token_hash = ? and nomination_id = ? and used_at is null and expires_at > now() returning id`,
    [sha256(token), nominationId],
  );
  return rows.length === 1;
}

/** Everything the form shows, read from the database; evidence in the order the nominator listed it. */
export async function printedNomination(em: EntityManager, n: Nomination): Promise<PrintedNomination> {
  const campaign = await em.findOneOrFail(HonorCampaign, { id: n.campaign.id });
  const worker = await em.findOneOrFail(Worker, { id: n.worker.id });
  const enterprise = await em.findOneOrFail(Enterprise, { id: n.enterprise.id });
  const nominator = await em.findOne(User, { id: n.nominatedBy.id });
  const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is T => !!r);
  const innovations = inOrder(n.innovationIds, await em.find(Innovation, { id: { $in: n.innovationIds } }));
  const methods = inOrder(n.methodIds, await em.find(OperatingMethod, { id: { $in: n.methodIds } }));
  const awards = inOrder(n.awardIds, await em.find(Award, { id: { $in: n.awardIds } }));
  const competitions = new Map((await em.find(Competition, { id: { $in: awards.map((a) => a.competition.id) } })).map((c) => [c.id, c.title]));
  const start = tradeStartYearOf(worker);
  return {
    campaignTitle: campaign.title, honor: zh('HonorKind', campaign.honorKind), level: zh('Level', campaign.level), year: campaign.year,
    nominee: {
      name: worker.name, gender: zh('Gender', worker.gender), birthYear: worker.birthYear, enterprise: enterprise.name, trade: worker.trade,
      skillLevel: zh('SkillLevel', worker.skillLevel), frontLine: n.frontLine, education: worker.education ? zh('Education', worker.education) : '未登记',
      yearsInTrade: start == null ? null : Number(todayInChina().slice(0, 4)) - start,
    },
    statement: n.statement,
    innovations: innovations.map((i) => ({ title: i.title, year: i.year })),
    methods: methods.map((x) => ({ name: x.officialName ?? x.proposedName })),
    awards: awards.map((a) => ({ competition: competitions.get(a.competition.id) ?? '', rank: a.rank, prize: a.prize ? zh('PrizeTierName', a.prize) : null })),
    internalNoticeFrom: n.internalNoticeFrom, internalNoticeTo: n.internalNoticeTo,
    nominatedBy: nominator?.displayName ?? '', nominatedAt: n.nominatedAt, status: zh('NominationStatus', n.status), printedAt: new Date(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(res: Response, status: number, message: string): void {
  res.status(status).type('html').send(`<!doctype html><meta charset="utf-8"><title>${status}</title><p>${message}</p>`);
}

/**
 * GET /nominations/:id/form?token=… (a global ID or uuid): the nomination's printable form, opened once
 * by a link from createNominationPrintLink, so a browser needs no Authorization header. 401 without a
 * token; 410 when the link has expired, was used, is forged or names another nomination.
 */
export function nominationFormHandler(app: App) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      securityHeaders(res, NOMINATION_FORM_CSP);
      res.setHeader('Cache-Control', 'no-store');
      const em = app.orm.em.fork() as EntityManager;
      const raw = String(req.params.id ?? '');
      const id = UUID.test(raw) ? raw.toLowerCase() : idOf(raw, 'Nomination');
      const token = typeof req.query.token === 'string' ? req.query.token : null;
      if (!token) return fail(res, 401, m('printLinkRequired'));
      if (!id || !(await consumeLink(em, id, token))) return fail(res, 410, m('printLinkUsed'));
      const nomination = await em.findOne(Nomination, { id });
      if (!nomination) return fail(res, 404, commonMessage('notFound', { what: nameOf('Nomination') }));
      res.status(200).type('html').send(nominationFormPage(await printedNomination(em, nomination)));
    } catch (err) {
      app.log.error({ err }, 'nomination form page failed');
      if (!res.headersSent) fail(res, 500, m('printFailed'));
    }
  };
}
