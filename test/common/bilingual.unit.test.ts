import { bilingual, defineMessages, withLocale } from '../../src/common/i18n';

/** Texts stored for later readers hold both languages, whatever language the request that wrote them asked for. */
const m = defineMessages('test.bilingual', { ground: { zh: '竞赛晋级：{{title}}', en: 'Promoted by “{{title}}”' } });

it.each(['zh-CN', 'en'] as const)('stores Chinese, then English, when the request is in %s', (locale) => {
  expect(withLocale(locale, () => bilingual(m, 'ground', { title: '焊工' }))).toBe('竞赛晋级：焊工 / Promoted by “焊工”');
});

it('m() itself still answers in the request’s language, or the one given', () => {
  expect(withLocale('en', () => m('ground', { title: 'x' }))).toBe('Promoted by “x”');
  expect(withLocale('en', () => m('ground', { title: 'x' }, 'zh-CN'))).toBe('竞赛晋级：x');
});
