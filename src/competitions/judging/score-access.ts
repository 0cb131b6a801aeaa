import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.js';
import { juryStanding, type JuryStanding } from '../access.js';
import type { Competition } from '../setup/competition.entity.js';

/** Whose marks a viewer may see: the jury (owner, ADMIN, chief judge) all; a judge those of the stages they judge now; others none. */
export type MarkVisibility = { all: true } | { all: false; stageIds: Set<string> };

export function visibilityOf(standing: JuryStanding): MarkVisibility {
  if (standing.jury) return { all: true };
  return { all: false, stageIds: new Set(standing.stageIds ?? []) };
}

export async function markVisibility(em: EntityManager, viewer: Viewer | null, competition: Competition): Promise<MarkVisibility> {
  return visibilityOf(await juryStanding(em, viewer, competition));
}

export function canSeeStage(v: MarkVisibility, stageId: string): boolean {
  return v.all || v.stageIds.has(stageId);
}

export function seesAnyMark(v: MarkVisibility): boolean {
  return v.all || v.stageIds.size > 0;
}
