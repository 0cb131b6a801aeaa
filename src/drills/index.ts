import { Question } from './bank/question.entity.js';
import { Drill } from './setup/drill.entity.js';

export const drillEntities = [Question, Drill];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const drillResolvers: Function[] = [];
