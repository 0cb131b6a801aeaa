import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.js';
import { activeAssignment, isStaff } from '../access.js';
import type { Competition } from '../setup/competition.entity.js';

/** Whose marks a viewer may see: organizers all; a judge those of the stages they judge; the public none. */
export type MarkVisibility = { all: true } | { all: false; stageIds: Set<string> };

export async function markVisibility(em: EntityManager, viewer: Viewer | null, competition: Competition): Promise<MarkVisibility> {
  if (!viewer) return { all: false, stageIds: new Set() };
  if (isStaff(viewer)) return { all: true };
  const assignment = await activeAssignment(em, competition.id, viewer.id);
  return { all: false, stageIds: new Set(assignment?.stageIds ?? []) };
}

export function canSeeStage(v: MarkVisibility, stageId: string): boolean {
  return v.all || v.stageIds.has(stageId);
}
