import { registerEnumType } from 'type-graphql';

export enum AppraisalBodyStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(AppraisalBodyStatus, {
  name: 'AppraisalBodyStatus',
  description: 'Whether an appraisal body (评价机构) may run sessions: an ADMIN suspends and reinstates it (监督管理).',
  valuesConfig: {
    ACTIVE: { description: 'May open sessions within its trades, levels and validity period.' },
    SUSPENDED: { description: 'Suspended by an ADMIN: opens no sessions and closes none until reinstated.' },
  },
});

export enum AppraisalSessionStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  ANNULLED = 'ANNULLED',
}
registerEnumType(AppraisalSessionStatus, {
  name: 'AppraisalSessionStatus',
  description: 'Where an appraisal session (认定批次) stands: OPEN → CLOSED (results written) → ANNULLED (by an INSPECTOR).',
  valuesConfig: {
    OPEN: { description: 'Candidates, assessors and weights are set and marks entered.' },
    CLOSED: { description: 'Results computed; passes written into the registry with certificate numbers.' },
    ANNULLED: { description: 'An INSPECTOR annulled the results: granted levels reverted (ANNULMENT) or flagged.' },
  },
});

export enum AppraisalFlagStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AppraisalFlagStatus, {
  name: 'AppraisalFlagStatus',
  description: 'Whether an ADMIN has decided a flagged worker (see AppraisalFlag).',
  valuesConfig: {
    OPEN: { description: 'Waiting for an ADMIN’s decision.' },
    RESOLVED: { description: 'Decided (see decision).' },
  },
});

export enum AppraisalFlagDecision {
  KEEP_LEVEL = 'KEEP_LEVEL',
  REVERT_LEVEL = 'REVERT_LEVEL',
}
registerEnumType(AppraisalFlagDecision, {
  name: 'AppraisalFlagDecision',
  description: 'What an ADMIN decides for a worker whose annulled level was built on.',
  valuesConfig: {
    KEEP_LEVEL: { description: 'The worker keeps their current level (the later promotion stands on its own); nothing is written.' },
    REVERT_LEVEL: { description: 'An ANNULMENT entry takes the worker back to the level they had before the annulled appraisal.' },
  },
});

export enum AppraisalCandidateOutcome {
  PENDING = 'PENDING',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  ANNULLED = 'ANNULLED',
}
registerEnumType(AppraisalCandidateOutcome, {
  name: 'AppraisalCandidateOutcome',
  description: 'A candidate’s outcome in an appraisal session.',
  valuesConfig: {
    PENDING: { description: 'The session is still open.' },
    PASSED: { description: 'Result at or above the pass mark: the level was written with a certificate number.' },
    FAILED: { description: 'Result below the pass mark.' },
    ANNULLED: { description: 'The session’s results were annulled.' },
  },
});

export enum AppraisalSessionOrderField {
  CREATED_AT = 'createdAt',
  CLOSED_AT = 'closedAt',
}

export enum AppraisalBodyOrderField {
  CREATED_AT = 'createdAt',
  VALID_UNTIL = 'validUntil',
}

export enum AppraisalCandidateOrderField {
  ADDED_AT = 'addedAt',
}

export enum AppraisalFlagOrderField {
  CREATED_AT = 'createdAt',
}
