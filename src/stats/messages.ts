import { defineMessages } from '../common/i18n.js';

/** Messages of the stats module (创新工作总览). */
export const m = defineMessages('stats', {
  yearRange: { zh: '`year` 须为 {{min}} 到 {{max}} 之间的年份', en: '`year` must be a year from {{min}} to {{max}}' },
});
