import { registerEnumType } from 'type-graphql';

export enum QuestionType {
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  TRUE_FALSE = 'TRUE_FALSE',
  FILL_IN = 'FILL_IN',
}
registerEnumType(QuestionType, {
  name: 'QuestionType',
  description: 'The kind of a bank question (题型); it decides how an answer is marked.',
  valuesConfig: {
    SINGLE_CHOICE: { description: 'Single choice (单选题): exactly one option key is right.' },
    MULTIPLE_CHOICE: { description: 'Multiple choice (多选题): the answer must be exactly the set of right option keys.' },
    TRUE_FALSE: { description: 'True or false (判断题): the answer is TRUE or FALSE.' },
    FILL_IN: { description: 'Fill in the blank (填空题): right when it equals one accepted answer after normalizing width, spaces and case.' },
  },
});

export enum QuestionDifficulty {
  EASY = 'EASY',
  MEDIUM = 'MEDIUM',
  HARD = 'HARD',
}
registerEnumType(QuestionDifficulty, {
  name: 'QuestionDifficulty',
  description: 'How hard a question is (难度), as its bank tags it; paper rules draw by it.',
  valuesConfig: {
    EASY: { description: 'Easy (易).' },
    MEDIUM: { description: 'Medium (中).' },
    HARD: { description: 'Hard (难).' },
  },
});

export enum QuestionStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  RETIRED = 'RETIRED',
}
registerEnumType(QuestionStatus, {
  name: 'QuestionStatus',
  description: 'Where a bank question stands: only APPROVED questions go into papers.',
  valuesConfig: {
    DRAFT: { description: 'Written or imported, not yet approved (草稿); may be edited freely.' },
    APPROVED: { description: 'Approved by a REVIEWER (已审核); drawn into papers.' },
    RETIRED: { description: 'Taken out of use (已停用); never drawn again, kept for papers that hold it.' },
  },
});

export enum DrillStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DrillStatus, {
  name: 'DrillStatus',
  description: 'Where a drill (网上练兵) stands as its organizer set it; whether it is open follows from its window (see DrillPhase).',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; invisible to takers.' },
    PUBLISHED: { description: 'Published: takers may enter while its window is open.' },
    CANCELLED: { description: 'Called off; final.' },
  },
});

export enum DrillPhase {
  UPCOMING = 'UPCOMING',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(DrillPhase, {
  name: 'DrillPhase',
  description: 'Where a drill stands against its window (opensAt–closesAt), computed from the clock.',
  valuesConfig: {
    UPCOMING: { description: 'Before the window opens (未开始).' },
    OPEN: { description: 'Within the window (进行中): attempts may start.' },
    CLOSED: { description: 'After the window closed (已结束).' },
  },
});

export enum DrillCounting {
  BEST = 'BEST',
  LAST = 'LAST',
}
registerEnumType(DrillCounting, {
  name: 'DrillCounting',
  description: 'Which attempt counts when a taker may make several.',
  valuesConfig: {
    BEST: { description: 'The best-scoring attempt counts (取最高分).' },
    LAST: { description: 'The last submitted attempt counts (取最后一次).' },
  },
});

export enum DrillResultRelease {
  IMMEDIATELY = 'IMMEDIATELY',
  AFTER_WINDOW = 'AFTER_WINDOW',
}
registerEnumType(DrillResultRelease, {
  name: 'DrillResultRelease',
  description: 'When takers see their results, answers and explanations.',
  valuesConfig: {
    IMMEDIATELY: { description: 'As soon as the attempt is over (practice, 练习).' },
    AFTER_WINDOW: { description: 'Only after the window closed (contest, 竞赛).' },
  },
});

export enum AttemptStatus {
  DRAWN = 'DRAWN',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  VOIDED = 'VOIDED',
}
registerEnumType(AttemptStatus, {
  name: 'AttemptStatus',
  description: 'Where one taker’s attempt (答题) stands.',
  valuesConfig: {
    DRAWN: { description: 'Its paper is drawn; not yet started.' },
    IN_PROGRESS: { description: 'Started; answers are being saved until the deadline.' },
    SUBMITTED: { description: 'Submitted (by the taker or at the deadline) and marked.' },
    VOIDED: { description: 'Voided by the organizer, with a reason (e.g. cheating).' },
  },
});

export enum AttemptSubmission {
  TAKER = 'TAKER',
  DEADLINE = 'DEADLINE',
}
registerEnumType(AttemptSubmission, {
  name: 'AttemptSubmission',
  description: 'Who submitted an attempt.',
  valuesConfig: {
    TAKER: { description: 'The taker submitted it (交卷).' },
    DEADLINE: { description: 'Submitted automatically at its deadline (到时自动交卷).' },
  },
});

export enum AttemptEventKind {
  DEADLINE_EXTENDED = 'DEADLINE_EXTENDED',
  VOIDED = 'VOIDED',
  REMARKED = 'REMARKED',
}
registerEnumType(AttemptEventKind, {
  name: 'AttemptEventKind',
  description: 'What the organizer (or a correction of the bank) did to an attempt.',
  valuesConfig: {
    DEADLINE_EXTENDED: { description: 'The organizer extended its deadline (延长答题时间).' },
    VOIDED: { description: 'The organizer voided it (作废).' },
    REMARKED: { description: 'Re-marked after a question on its paper was corrected (重新评分).' },
  },
});
