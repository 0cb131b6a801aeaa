import { byIdLoader, childrenLoader, readByIdLoader } from '../common/loaders.js';
import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalCandidate, AppraisalMark } from './appraisal-candidate.entity.js';
import { AppraisalAssessor, AppraisalSession } from './appraisal-session.entity.js';

export const bodyById = readByIdLoader(AppraisalBody);
export const sessionById = readByIdLoader(AppraisalSession);
export const candidateById = byIdLoader(AppraisalCandidate);
export const marksByCandidate = childrenLoader(AppraisalMark, 'candidate', { enteredAt: 'asc', id: 'asc' });
export const assessorsBySession = childrenLoader(AppraisalAssessor, 'session', { addedAt: 'asc', id: 'asc' });
