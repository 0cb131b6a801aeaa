import { registerEnumType } from 'type-graphql';

export enum MethodStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  NAMED = 'NAMED',
  REJECTED = 'REJECTED',
}
registerEnumType(MethodStatus, {
  name: 'MethodStatus',
  description: 'Where an advanced operating method (先进操作法) stands in its review; NAMED and REJECTED are final.',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for reviewers to be assigned.' },
    UNDER_REVIEW: { description: 'Reviewers assigned; expert reviews (专家评审) being collected.' },
    NAMED: { description: 'Named (命名) an advanced operating method; may be promoted (推广).' },
    REJECTED: { description: 'Final.' },
  },
});

/** Naming needs at least this many reviews with at least this mean total (out of 100). */
export const MIN_REVIEWS = 3;
export const MIN_MEAN_TOTAL = 75;
export const MAX_SUBSCORE = 25;
