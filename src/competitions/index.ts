import { Award } from './award.entity.js';
import { AwardResolver, CompetitionAwardsResolver } from './award.resolver.js';
import { Competition } from './competition.entity.js';
import { CompetitionResolver } from './competition.resolver.js';
import { CompetitionTransition } from './competition-transition.entity.js';
import { Criterion } from './criterion.entity.js';
import { Entry } from './entry.entity.js';
import { EntryMember } from './entry-member.entity.js';
import { EntryResolver } from './entry.resolver.js';
import { EntryResult } from './entry-result.entity.js';
import { JudgeAssignment } from './judge-assignment.entity.js';
import { JudgeResolver } from './judge.resolver.js';
import { LeaderboardResolver, LeaderboardRowsResolver } from './leaderboard.resolver.js';
import { Score } from './score.entity.js';
import { scoreResolvers } from './score.resolver.js';
import { ScoreRevision } from './score-revision.entity.js';
import { Stage } from './stage.entity.js';
import { StatsResolver } from './stats.resolver.js';

export const competitionEntities = [
  Competition, CompetitionTransition, Stage, Criterion, Entry, EntryMember, JudgeAssignment, Score, ScoreRevision, EntryResult, Award,
];
export const competitionResolvers = [
  CompetitionResolver, EntryResolver, JudgeResolver, ...scoreResolvers, LeaderboardResolver, LeaderboardRowsResolver, AwardResolver, CompetitionAwardsResolver, StatsResolver,
] as const;
