import { Question } from './bank/question.entity.js';
import { QuestionResolver } from './bank/question.resolver.js';
import { Drill } from './setup/drill.entity.js';
import { DrillResolver } from './setup/drill.resolver.js';
import { DrillEfficacyResolver } from './results/efficacy.js';
import { theoryEntities, theoryResolvers } from './theory/index.js';
import { DrillEnterpriseFigureResolver, DrillPublicStandingResolver, DrillResultsResolver, DrillStandingResolver } from './results/results.resolver.js';

export const drillEntities = [Question, Drill, ...theoryEntities];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const drillResolvers: Function[] = [
  QuestionResolver, DrillResolver, DrillResultsResolver, DrillStandingResolver, DrillPublicStandingResolver, DrillEnterpriseFigureResolver, DrillEfficacyResolver, ...theoryResolvers,
];
