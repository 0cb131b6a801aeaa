import { readByIdLoader, readChildrenLoader } from '../../common/loaders.js';
import { Question } from '../bank/question.entity.js';
import { Drill } from '../setup/drill.entity.js';
import { DrillAnswer } from './answer.entity.js';

export const takingDrillById = readByIdLoader(Drill);
/** Read-only rows (the opening burst hands out hundreds of papers a second): key and explanation stay server-side until released. */
export const paperQuestionById = readByIdLoader(Question);
export const answersByAttempt = readChildrenLoader(DrillAnswer, 'attempt', { questionId: 'asc' });
