import { Award } from './results/award.entity.js';
import { AwardPromotionResolver, AwardResolver, CompetitionAwardsResolver, WithheldPromotionResolver } from './results/award.resolver.js';
import { Competition } from './setup/competition.entity.js';
import { CompetitionResolver, CompetitionTransitionResolver } from './setup/competition.resolver.js';
import { CompetitionTransition } from './setup/competition-transition.entity.js';
import { Criterion } from './setup/criterion.entity.js';
import { Entry } from './entries/entry.entity.js';
import { EntryMember } from './entries/entry-member.entity.js';
import { EntryResolver } from './entries/entry.resolver.js';
import { EntryResult } from './judging/entry-result.entity.js';
import { JudgeAssignment } from './judging/judge-assignment.entity.js';
import { JudgeResolver } from './judging/judge.resolver.js';
import { LeaderboardResolver, LeaderboardRowsResolver } from './leaderboard/leaderboard.resolver.js';
import { LeaderboardChangesResolver } from './leaderboard/board-changes.js';
import { Score } from './judging/score.entity.js';
import { CompetitionScoreLogResolver, EntryScoreSheetResolver, ScoreResolver, ScoreRevisionResolver } from './judging/score.resolver.js';
import { ScoreRevision } from './judging/score-revision.entity.js';
import { ScoreCorrectionRequest } from './judging/score-correction.entity.js';
import { CompetitionScoreCorrectionsResolver, ScoreCorrectionResolver } from './judging/score-correction.resolver.js';
import { SchemeResolver } from './setup/scheme.resolver.js';
import { Stage } from './setup/stage.entity.js';
import { ResultsDownload } from './results/results-download.entity.js';
import { ResultsDownloadResolver } from './results/results-download.resolver.js';
import { StatsResolver } from './results/stats.resolver.js';
import { JudgeReportLineResolver, JudgeReportResolver } from './results/judge-report.resolver.js';
import { StageSignOff } from './results/stage-sign-off.entity.js';
import { MarkingGapAcceptance } from './judging/marking-gap.entity.js';
import { CompetitionMarkingGapsResolver, MarkingGapResolver } from './judging/marking-gap.resolver.js';
import { CompetitionOfficial } from './officials/official.entity.js';
import { CompetitionOfficialsResolver, OfficialResolver } from './officials/official.resolver.js';
import { MarkingCode } from './marking/marking-code.entity.js';
import { MarkingCodeResolver, StageMarkingResolver } from './marking/marking.resolver.js';
import { RecheckItem, RecheckSample } from './recheck/recheck.entity.js';
import { CompetitionRecheckResolver, RecheckItemResolver, RecheckSampleResolver, StageRecheckResolver } from './recheck/recheck.resolver.js';
import { CompetitionSignOffsResolver, SignOffResolver, StageSignOffResolver } from './results/sign-off.resolver.js';
import { Appeal } from './appeals/appeal.entity.js';
import { AppealRemark } from './appeals/appeal-remark.entity.js';
import { AppealRemarkResolver, AppealResolver, CompetitionAppealsResolver, ScoreRevisionAppealResolver } from './appeals/appeal.resolver.js';

export const competitionEntities = [
  Competition, CompetitionTransition, Stage, Criterion, Entry, EntryMember, JudgeAssignment, Score, ScoreRevision, ScoreCorrectionRequest, EntryResult, Award, ResultsDownload, StageSignOff, CompetitionOfficial, MarkingCode, MarkingGapAcceptance, RecheckSample, RecheckItem,
  Appeal, AppealRemark,
];

/** Every resolver of the module, room by room; a resolver not listed here is not in the schema. */
export const competitionResolvers = [
  // setup/
  CompetitionResolver, CompetitionTransitionResolver, SchemeResolver,
  // entries/
  EntryResolver,
  // judging/
  JudgeResolver, ScoreResolver, ScoreRevisionResolver, EntryScoreSheetResolver, CompetitionScoreLogResolver,
  ScoreCorrectionResolver, CompetitionScoreCorrectionsResolver,
  MarkingGapResolver, CompetitionMarkingGapsResolver,
  // officials/
  OfficialResolver, CompetitionOfficialsResolver,
  // marking/ (anonymous marking: codes, judges' marking lists)
  StageMarkingResolver, MarkingCodeResolver,
  // leaderboard/
  LeaderboardResolver, LeaderboardRowsResolver, LeaderboardChangesResolver,
  // results/
  AwardResolver, AwardPromotionResolver, WithheldPromotionResolver, CompetitionAwardsResolver, StatsResolver, ResultsDownloadResolver, SignOffResolver, StageSignOffResolver, CompetitionSignOffsResolver,
  JudgeReportResolver, JudgeReportLineResolver,
  // recheck/
  CompetitionRecheckResolver, RecheckSampleResolver, StageRecheckResolver, RecheckItemResolver,
  // appeals/
  AppealResolver, AppealRemarkResolver, ScoreRevisionAppealResolver, CompetitionAppealsResolver,
] as const;
