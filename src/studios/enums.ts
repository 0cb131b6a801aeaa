import { registerEnumType } from 'type-graphql';

export enum StudioKind {
  MODEL_WORKER = 'MODEL_WORKER',
  CRAFTSMAN = 'CRAFTSMAN',
  SKILL_MASTER = 'SKILL_MASTER',
  WORKER_INNOVATION = 'WORKER_INNOVATION',
}
registerEnumType(StudioKind, {
  name: 'StudioKind',
  description: 'The kind of innovation studio (创新工作室), with what its leader must hold.',
  valuesConfig: {
    MODEL_WORKER: { description: '劳模创新工作室: the leader holds the MODEL_WORKER honor.' },
    CRAFTSMAN: { description: '工匠人才创新工作室: the leader holds the CRAFTSMAN honor.' },
    SKILL_MASTER: { description: '技能大师工作室: the leader is at least TECHNICIAN (技师).' },
    WORKER_INNOVATION: { description: '职工创新工作室.' },
  },
});

export enum StudioStatus {
  APPLIED = 'APPLIED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  ACCREDITED = 'ACCREDITED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}
registerEnumType(StudioStatus, {
  name: 'StudioStatus',
  description: 'Accreditation (认定) state. REJECTED and REVOKED are final.',
});

export enum StudioReviewDecision {
  ACCREDIT = 'ACCREDIT',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
}
registerEnumType(StudioReviewDecision, { name: 'StudioReviewDecision', description: 'Decision on an application.' });

export enum StudioReevaluationDecision {
  RENEW = 'RENEW',
  SUSPEND = 'SUSPEND',
  REVOKE = 'REVOKE',
}
registerEnumType(StudioReevaluationDecision, { name: 'StudioReevaluationDecision', description: 'Decision of a re-evaluation (复评).' });

/** Every recorded move of a studio: the two decision enums plus the manager's own moves. */
export enum StudioAction {
  APPLY = 'APPLY',
  RESUBMIT = 'RESUBMIT',
  ACCREDIT = 'ACCREDIT',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  RENEW = 'RENEW',
  SUSPEND = 'SUSPEND',
  REVOKE = 'REVOKE',
}
registerEnumType(StudioAction, { name: 'StudioAction', description: 'A recorded move of a studio: the manager’s own (APPLY, RESUBMIT) and the reviewers’ decisions.' });

export enum StudioMemberRole {
  LEADER = 'LEADER',
  CORE_MEMBER = 'CORE_MEMBER',
  MEMBER = 'MEMBER',
  APPRENTICE = 'APPRENTICE',
}
registerEnumType(StudioMemberRole, {
  name: 'StudioMemberRole',
  description: 'A member’s role in a studio (工作室成员角色).',
  valuesConfig: {
    LEADER: { description: '领衔人: set by the application, not by addStudioMember.' },
    CORE_MEMBER: { description: '核心成员' },
    MEMBER: { description: '成员' },
    APPRENTICE: { description: '徒弟: has a mentor (师傅) among the other members.' },
  },
});

export enum InnovationCategory {
  TECHNICAL_INNOVATION = 'TECHNICAL_INNOVATION',
  PROCESS_IMPROVEMENT = 'PROCESS_IMPROVEMENT',
  PATENT = 'PATENT',
  QC_ACHIEVEMENT = 'QC_ACHIEVEMENT',
  RATIONALIZATION_PROPOSAL = 'RATIONALIZATION_PROPOSAL',
}
registerEnumType(InnovationCategory, {
  name: 'InnovationCategory',
  description: 'The kind of an innovation result (创新成果) a studio reports.',
  valuesConfig: {
    TECHNICAL_INNOVATION: { description: '技术革新' },
    PROCESS_IMPROVEMENT: { description: '工艺改进' },
    PATENT: { description: '专利 (needs patentNumber)' },
    QC_ACHIEVEMENT: { description: 'QC 成果' },
    RATIONALIZATION_PROPOSAL: { description: '合理化建议' },
  },
});
