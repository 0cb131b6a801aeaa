import { AppraisalBody } from './appraisal-body.entity.js';
import { AppraisalCandidate, AppraisalMark } from './appraisal-candidate.entity.js';
import { AppraisalFlag, AppraisalSample } from './appraisal-review.entity.js';
import { AppraisalAssessor, AppraisalSession } from './appraisal-session.entity.js';
import { AppraisalEligibilityRule } from './eligibility-rule.entity.js';
import { AppraisalBodyResolver } from './body.resolver.js';
import { AppraisalCandidateResolver, AppraisalMarkResolver, AppraisalSessionResolver } from './session.resolver.js';
import { AppraisalEfficacyResolver, AppraisalPassLineResolver } from './efficacy.resolver.js';
import { AppraisalFlagResolver, AppraisalSampleResolver, SkillLevelChangeAppraisalResolver } from './review.resolver.js';

/** Enterprise skill appraisal (技能等级认定): bodies, sessions, marks, supervision. */
export const appraisalEntities = [AppraisalBody, AppraisalEligibilityRule, AppraisalSession, AppraisalAssessor, AppraisalCandidate, AppraisalMark, AppraisalSample, AppraisalFlag];
export const appraisalResolvers = [
  AppraisalBodyResolver, AppraisalSessionResolver, AppraisalCandidateResolver, AppraisalMarkResolver, AppraisalFlagResolver, AppraisalSampleResolver,
  SkillLevelChangeAppraisalResolver, AppraisalEfficacyResolver, AppraisalPassLineResolver,
] as const;
