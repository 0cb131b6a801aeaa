import DataLoader from 'dataloader';
import { byIdLoader, childrenLoader, readChildrenLoader, type LoaderFactory } from '../common/loaders.js';
import { User } from '../auth/user.entity.js';
import { Competition } from './competition.entity.js';
import { CompetitionTransition } from './competition-transition.entity.js';
import { Criterion } from './criterion.entity.js';
import { EntryMember } from './entry-member.entity.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
import { Stage } from './stage.entity.js';

export const competitionById = byIdLoader(Competition);
export const stageById = byIdLoader(Stage);
export const userById = byIdLoader(User);
export const stagesByCompetition = readChildrenLoader(Stage, 'competition', { position: 'asc' });
export const criteriaByStage = childrenLoader(Criterion, 'stage', { position: 'asc' });
export const membersByEntry = readChildrenLoader(EntryMember, 'entry', { position: 'asc' });
/** Every assignment, removed ones included (the panel's history); callers filter. */
export const assignmentsByCompetition = childrenLoader(JudgeAssignment, 'competition', { assignedAt: 'asc' });
export const transitionsByCompetition = childrenLoader(CompetitionTransition, 'competition', { at: 'asc' });

/**
 * Keyed "competitionId:userId": whether that user was ever on the competition's panel (removed or not).
 * Anonymous marking asks it per entry shown; one query per request for all competitions asked.
 */
export const judgeHistory: LoaderFactory<string, boolean> = (em) =>
  new DataLoader<string, boolean>(async (keys) => {
    const pairs = keys.map((k) => k.split(':') as [string, string]);
    const rows = await em.find(
      JudgeAssignment,
      { competition: { $in: [...new Set(pairs.map((p) => p[0]))] }, user: { $in: [...new Set(pairs.map((p) => p[1]))] } },
      { fields: ['competition', 'user'] },
    );
    const found = new Set(rows.map((r) => `${r.competition.id}:${r.user.id}`));
    return keys.map((k) => found.has(k));
  });
