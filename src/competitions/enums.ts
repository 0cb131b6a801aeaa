import { registerEnumType } from 'type-graphql';

export enum CompetitionKind {
  JOB_DRILL = 'JOB_DRILL',
  TECHNICAL_CONTEST = 'TECHNICAL_CONTEST',
  SKILLS_COMPETITION = 'SKILLS_COMPETITION',
  LABOR_COMPETITION = 'LABOR_COMPETITION',
  ONLINE_DRILL = 'ONLINE_DRILL',
}
registerEnumType(CompetitionKind, {
  name: 'CompetitionKind',
  description: 'The kind of competition (竞赛类型), as the programme names them.',
  valuesConfig: {
    JOB_DRILL: { description: '岗位练兵' },
    TECHNICAL_CONTEST: { description: '技术比武' },
    SKILLS_COMPETITION: { description: '职业技能大赛' },
    LABOR_COMPETITION: { description: '劳动竞赛' },
    ONLINE_DRILL: { description: '网上练兵' },
  },
});

/** The lifecycle; legal moves are in competition-lifecycle.ts. */
export enum CompetitionStatus {
  DRAFT = 'DRAFT',
  REGISTRATION_OPEN = 'REGISTRATION_OPEN',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  IN_PROGRESS = 'IN_PROGRESS',
  SCORING_CLOSED = 'SCORING_CLOSED',
  /** Provisional results public (成绩公示), appeal window open until appealWindowClosesAt. */
  RESULTS_PUBLISHED = 'RESULTS_PUBLISHED',
  FINALIZED = 'FINALIZED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CompetitionStatus, { name: 'CompetitionStatus', description: 'Where a competition stands in its lifecycle (竞赛状态): from DRAFT on to FINALIZED, or CANCELLED on the way.' });

export enum Aggregation {
  MEAN = 'MEAN',
  TRIMMED_MEAN = 'TRIMMED_MEAN',
  MEDIAN = 'MEDIAN',
}
registerEnumType(Aggregation, {
  name: 'Aggregation',
  description: 'How a judging panel’s marks on one JUDGEMENT criterion become one mark.',
  valuesConfig: {
    TRIMMED_MEAN: { description: 'Drop one highest and one lowest mark (needs at least 3 marks; with fewer, the plain mean, provisionally).' },
  },
});

export enum CriterionKind {
  MEASUREMENT = 'MEASUREMENT',
  JUDGEMENT = 'JUDGEMENT',
}
registerEnumType(CriterionKind, {
  name: 'CriterionKind',
  description: 'How a criterion (评分项) is marked: measured once, or judged by every judge of the panel.',
  valuesConfig: {
    MEASUREMENT: { description: 'Objective: marked once by any judge of the stage; a second mark is a correction.' },
    JUDGEMENT: { description: 'Marked by every judge of the stage; the marks are aggregated.' },
  },
});

export enum EntryStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  DISQUALIFIED = 'DISQUALIFIED',
  /** 缺考: did not show up; takes and needs no marks, ranked as the competition's absentRanking says. */
  ABSENT = 'ABSENT',
}
registerEnumType(EntryStatus, {
  name: 'EntryStatus',
  description: 'Whether an entry (参赛报名) still competes; only ACTIVE entries are marked and win prizes.',
  valuesConfig: {
    ABSENT: { description: '缺考/缺赛: the entrant did not show up (markEntryAbsent); takes and needs no marks; ranked last or unranked as the competition’s absentRanking says; wins nothing.' },
  },
});

/** Where an ABSENT entry goes in the ranking (a competition setting). */
export enum AbsentRanking {
  LAST = 'LAST',
  UNRANKED = 'UNRANKED',
}
registerEnumType(AbsentRanking, {
  name: 'AbsentRanking',
  description: 'Where entrants who did not show up (ABSENT) go in the ranking.',
  valuesConfig: {
    LAST: { description: 'Ranked after every other ranked entry, all absent entries sharing that last rank; no prize, honor or promotion.' },
    UNRANKED: { description: 'Listed without a rank, like withdrawn and disqualified entries.' },
  },
});

export enum PrizeTierName {
  FIRST = 'FIRST',
  SECOND = 'SECOND',
  THIRD = 'THIRD',
  EXCELLENCE = 'EXCELLENCE',
}
registerEnumType(PrizeTierName, {
  name: 'PrizeTierName',
  description: 'A prize tier (奖项等次), highest first.',
  valuesConfig: {
    FIRST: { description: '一等奖' },
    SECOND: { description: '二等奖' },
    THIRD: { description: '三等奖' },
    EXCELLENCE: { description: '优秀奖' },
  },
});

/** Why a mark was changed after it was first given (issue 12 §2, §5, §6). */
export enum RevisionReasonKind {
  CORRECTION = 'CORRECTION',
  RECHECK = 'RECHECK',
  APPEAL = 'APPEAL',
  DRILL = 'DRILL',
}
registerEnumType(RevisionReasonKind, {
  name: 'RevisionReasonKind',
  description: 'Why a mark was changed.',
  valuesConfig: {
    CORRECTION: { description: '更正: the judge corrected their own mark (after seeing the panel’s marks only with the chief judge’s approval).' },
    RECHECK: { description: '复核: a re-checker corrected a transcription or arithmetic error found by the re-check sample.' },
    APPEAL: { description: '申诉: a re-mark ordered by an upheld appeal replaced the contested mark.' },
    DRILL: { description: '网上练兵: the mark of a criterion filled from an online drill changed because the entrant’s attempt was re-marked (a question corrected) or voided; the reason names the drill.' },
  },
});

/** Who gave a mark: a judge, or a source the competition reads marks from (an online drill). */
export enum MarkSource {
  JUDGE = 'JUDGE',
  DRILL = 'DRILL',
}
registerEnumType(MarkSource, {
  name: 'MarkSource',
  description: 'Where a mark (评分) came from.',
  valuesConfig: {
    JUDGE: { description: 'Given by a judge of the stage (裁判评分).' },
    DRILL: { description: 'Filled automatically from the entrant’s attempt at the online drill linked to the stage (网上练兵自动计分): the drill’s points scaled to the criterion’s maximum.' },
  },
});

/** The duties a competition names besides its judges (issue 12 §1, §5, §6). */
export enum OfficialDuty {
  ENCRYPTION_OFFICER = 'ENCRYPTION_OFFICER',
  ARBITRATOR = 'ARBITRATOR',
  TEAM_LEADER = 'TEAM_LEADER',
}
registerEnumType(OfficialDuty, {
  name: 'OfficialDuty',
  description: 'A duty in one competition, held by a named user.',
  valuesConfig: {
    ENCRYPTION_OFFICER: { description: '加密裁判: makes the marking codes (加密号) and alone holds the map from code to entry until the stage is signed off. One per competition; never a judge of it.' },
    ARBITRATOR: { description: '监督仲裁: a member of the supervision and arbitration panel, which rules on appeals and re-checks marks (复核).' },
    TEAM_LEADER: { description: '领队: leads one enterprise’s entrants and may appeal on their behalf.' },
  },
});
