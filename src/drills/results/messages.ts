import { defineMessages } from '../../common/i18n.js';

/** Messages of drill results (成绩): the public leaderboard. */
export const m = defineMessages('drills.results', {
  boardNotPublic: { zh: '本次练兵的排行榜不公开', en: 'This drill’s leaderboard is not public' },
  boardNotYet: { zh: '排行榜在练兵活动结束后公开', en: 'The leaderboard is public once the drill’s window has closed' },
});
