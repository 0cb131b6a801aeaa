import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../common/loaders.js';
import type { Context } from '../../context.js';
import { PUBLIC_STANDING, standingFrom, type JuryStanding, type PanelSeat } from '../access.js';
import { competitionById, criterionById, stageById } from '../competitions.loaders.js';
import { CompetitionStatus } from '../enums.js';
import { JudgeAssignment } from '../judging/judge-assignment.entity.js';
import { stageMarkingClosed } from '../setup/lifecycle.js';

/**
 * Anonymous marking (加密评分, issue 12 §1), the rules in one place:
 * - a judge marks an anonymous stage by marking code, and no path links a code or a mark of such a
 *   stage to an entry for anyone but the jury (who sees marks by entry, never by code) until the
 *   competition is FINALIZED; only the encryption officer holds code → entry (see marking-code.service);
 * - the public board (and so every judge's) holds an anonymous stage's scores back while its marking
 *   is open, so nobody watches which named total a mark just moved.
 */

/** Whether a mark of this stage is shown to the viewer without its entry (by code instead). */
export function hidesEntryOfMark(standing: JuryStanding, stage: { anonymous: boolean }, status: CompetitionStatus): boolean {
  return stage.anonymous && !standing.jury && status !== CompetitionStatus.FINALIZED;
}

/** The stages whose scores a non-jury board holds back: anonymous ones whose marking is still open. */
export function sealedStageIds(stages: readonly { id: string; anonymous?: boolean; markingClosedAt?: Date | string | null }[], status: CompetitionStatus): string[] {
  return stages
    .filter((s) => s.anonymous && !stageMarkingClosed({ markingClosedAt: s.markingClosedAt ? new Date(s.markingClosedAt) : null }, status))
    .map((s) => s.id);
}

/** Keyed "competitionId:userId": that user's seats on the competition's panel, removed ones included. */
export const seatsOf: LoaderFactory<string, PanelSeat[]> = (em) =>
  new DataLoader<string, PanelSeat[]>(async (keys) => {
    const pairs = keys.map((k) => k.split(':') as [string, string]);
    const rows = await em.find(
      JudgeAssignment,
      { competition: { $in: [...new Set(pairs.map((p) => p[0]))] }, user: { $in: [...new Set(pairs.map((p) => p[1]))] } },
      { fields: ['competition', 'user', 'chief', 'removedAt', 'stageIds'] },
    );
    return keys.map((k) => rows.filter((r) => `${r.competition.id}:${r.user.id}` === k));
  });

/**
 * The standing a subscription read for one event, pinned to the object it resolves: a graphql-ws
 * context (and its loaders) lives as long as the subscription, so a panel change must come from
 * the event, not from the context's cache.
 */
const pinned = new WeakMap<object, JuryStanding>();
export function pinStanding<T extends object>(obj: T, standing: JuryStanding): T {
  pinned.set(obj, standing);
  return obj;
}

/** The viewer's standing in a competition, batched per request (or as pinned for a subscription event). */
export async function standingFor(ctx: Context, root: object, competitionId: string): Promise<JuryStanding> {
  const pin = pinned.get(root);
  if (pin) return pin;
  if (!ctx.viewer) return PUBLIC_STANDING;
  const competition = await ctx.loaders.get(competitionById).load(competitionId);
  if (!competition) return PUBLIC_STANDING;
  return standingFrom(ctx.viewer, competition, await ctx.loaders.get(seatsOf).load(`${competitionId}:${ctx.viewer.id}`));
}

/** hidesEntryOfMark for a mark, from the request's loaders. */
export async function markHidesEntry(ctx: Context, score: { competition: { id: string }; criterion: { id: string } }): Promise<boolean> {
  const criterion = await ctx.loaders.get(criterionById).load(score.criterion.id);
  const stage = criterion ? await ctx.loaders.get(stageById).load(criterion.stage.id) : null;
  if (!stage?.anonymous) return false;
  const competition = (await ctx.loaders.get(competitionById).load(score.competition.id))!;
  return hidesEntryOfMark(await standingFor(ctx, score, score.competition.id), stage, competition.status);
}
