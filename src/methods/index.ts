import { MethodAdoptionResolver } from './adoption.resolver.js';
import { ExpertReview, ExpertReviewRevision } from './expert-review.entity.js';
import { MethodAdoption } from './method-adoption.entity.js';
import { OperatingMethodResolver } from './method.resolver.js';
import { MethodReviewer } from './method-reviewer.entity.js';
import { OperatingMethod } from './operating-method.entity.js';
import { WorkerMethodsResolver } from './records.resolver.js';
import { ExpertReviewResolver } from './review.resolver.js';

export const methodEntities = [OperatingMethod, MethodReviewer, ExpertReview, ExpertReviewRevision, MethodAdoption];
export const methodResolvers: Function[] = [OperatingMethodResolver, ExpertReviewResolver, MethodAdoptionResolver, WorkerMethodsResolver];
