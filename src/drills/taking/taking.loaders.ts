import { byIdLoader, readByIdLoader, readChildrenLoader } from '../../common/loaders.js';
import { Question } from '../bank/question.entity.js';
import { Drill } from '../setup/drill.entity.js';
import { DrillAnswer } from './answer.entity.js';

export const takingDrillById = readByIdLoader(Drill);
/** Managed entities: the paper needs the key and explanation (kept server-side until released). */
export const paperQuestionById = byIdLoader(Question);
export const answersByAttempt = readChildrenLoader(DrillAnswer, 'attempt', { questionId: 'asc' });
