import { DrillAnswer } from './answer.entity.js';
import { DrillAttempt } from './attempt.entity.js';
import { DrillAttemptResolver } from './attempt.resolver.js';
import { DrillEntryAttempt } from './entry-attempt.entity.js';
import { DrillPass } from './pass.entity.js';
import { DrillPassResolver } from './pass.resolver.js';
import { DrillOpsResolver } from './ops.resolver.js';
import { DrillAttemptWorkerResolver, DrillTurnoutResolver } from './not-started.resolver.js';
import { remarkAttempts } from './ops.service.js';
import { onQuestionCorrected } from '../bank/corrections.js';

/** Drill taking (答题): passes, drill tokens, attempts, answers (issue 16, "Takers"). */
export const takingEntities = [DrillPass, DrillAttempt, DrillAnswer, DrillEntryAttempt];
export const takingResolvers = [DrillPassResolver, DrillAttemptResolver, DrillOpsResolver, DrillTurnoutResolver, DrillAttemptWorkerResolver] as const;

// Corrections of the bank re-mark the submitted attempts that hold the question, in the same transaction.
onQuestionCorrected(remarkAttempts);
