import { defineMessages } from '../../common/i18n.js';

/** Messages of the leaderboard (排行榜), its freeze (封榜) and its live feeds (issue 13). */
export const m = defineMessages('competitions.leaderboard', {
  alreadyFrozen: { zh: '排行榜已封榜', en: 'The leaderboard is already frozen' },
  notFrozen: { zh: '排行榜未封榜', en: 'The leaderboard is not frozen' },
  unknownCompetition: { zh: 'competitionId 不是已知竞赛的 ID', en: 'competitionId is not a known Competition ID' },
  bothFirstAndLast: { zh: '`first` 与 `last` 只能传一个', en: 'Pass either `first` or `last`, not both' },
  rowsPageSize: { zh: '`{{name}}` 须在 0 到 {{max}} 之间', en: '`{{name}}` must be between 0 and {{max}}' },
  badRowCursor: { zh: '`{{name}}` 不是此排行榜的有效游标', en: '`{{name}}` is not a valid cursor of this leaderboard' },
  marksDenied: {
    zh: '只有本竞赛的组织者、裁判长和裁判可以关注评分',
    en: 'Only the competition’s organizer, its chief judge and its judges follow its marks',
  },
  offPanel: { zh: '您已不在本竞赛的裁判组中', en: 'You are no longer on this competition’s panel' },
});
