import { onQuestionCorrected } from '../bank/corrections.js';
import { onAttemptVoided } from '../taking/attempt-hooks.js';
import { flagRefillForQuestion, flagRefillForVoided } from './refill.js';
import { StageDrill } from './stage-drill.entity.js';
import { DrillTheoryStagesResolver, ScoreDrillAttemptResolver, StageDrillOfStageResolver, StageDrillResolver } from './theory.resolver.js';

/** A competition's theory stage filled from a drill (issue 16, "Results"). */
export const theoryEntities = [StageDrill];
export const theoryResolvers = [StageDrillResolver, StageDrillOfStageResolver, DrillTheoryStagesResolver, ScoreDrillAttemptResolver] as const;

// A drill's results changing after a fill (a corrected question, a voided attempt) flags the stages filled from it, in the same transaction.
onQuestionCorrected(flagRefillForQuestion);
onAttemptVoided(flagRefillForVoided);
