import { Award } from './results/award.entity.js';
import { AwardResolver, CompetitionAwardsResolver } from './results/award.resolver.js';
import { Competition } from './setup/competition.entity.js';
import { CompetitionResolver } from './setup/competition.resolver.js';
import { CompetitionTransition } from './setup/competition-transition.entity.js';
import { Criterion } from './setup/criterion.entity.js';
import { Entry } from './entries/entry.entity.js';
import { EntryMember } from './entries/entry-member.entity.js';
import { EntryResolver } from './entries/entry.resolver.js';
import { EntryResult } from './judging/entry-result.entity.js';
import { JudgeAssignment } from './judging/judge-assignment.entity.js';
import { JudgeResolver } from './judging/judge.resolver.js';
import { LeaderboardResolver, LeaderboardRowsResolver } from './leaderboard/leaderboard.resolver.js';
import { Score } from './judging/score.entity.js';
import { scoreResolvers } from './judging/score.resolver.js';
import { ScoreRevision } from './judging/score-revision.entity.js';
import { Stage } from './setup/stage.entity.js';
import { StatsResolver } from './results/stats.resolver.js';

export const competitionEntities = [
  Competition, CompetitionTransition, Stage, Criterion, Entry, EntryMember, JudgeAssignment, Score, ScoreRevision, EntryResult, Award,
];
export const competitionResolvers = [
  CompetitionResolver, EntryResolver, JudgeResolver, ...scoreResolvers, LeaderboardResolver, LeaderboardRowsResolver, AwardResolver, CompetitionAwardsResolver, StatsResolver,
] as const;
