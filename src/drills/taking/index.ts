import { DrillAnswer } from './answer.entity.js';
import { DrillAttempt } from './attempt.entity.js';
import { DrillAttemptResolver } from './attempt.resolver.js';
import { DrillEntryAttempt } from './entry-attempt.entity.js';
import { DrillPass } from './pass.entity.js';
import { DrillPassResolver } from './pass.resolver.js';

/** Drill taking (答题): passes, drill tokens, attempts, answers (issue 16, "Takers"). */
export const takingEntities = [DrillPass, DrillAttempt, DrillAnswer, DrillEntryAttempt];
export const takingResolvers = [DrillPassResolver, DrillAttemptResolver] as const;
