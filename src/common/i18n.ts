import { AsyncLocalStorage } from 'node:async_hooks';
import i18next from 'i18next';

/**
 * Messages in the reader's language (issue 13). Every message of ours — userErrors and our GraphQL
 * errors — is written in Chinese and English in a module's `messages.ts` through `defineMessages`;
 * i18next renders it in the locale of the request being served: the HTTP request's Accept-Language,
 * a WebSocket's connectionParams.locale (or its handshake's Accept-Language), Chinese by default.
 * The locale travels with the request's async work (AsyncLocalStorage), so services need no
 * parameter for it. Codes stay the stable contract; messages are for people.
 */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** One message in both languages. Placeholders are `{{name}}`; both texts use the same ones. */
export interface Message {
  zh: string;
  en: string;
}

const current = new AsyncLocalStorage<Locale>();
const i18n = i18next.createInstance();
void i18n.init({
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  initAsync: false,
  resources: {},
  // Keys are plain names; ':' and '.' in them mean nothing.
  keySeparator: false,
  nsSeparator: false,
  // Messages are JSON text, never HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
} as never);

const catalogs = new Map<string, Record<string, Message>>();

/** Parameters of a message; avoid i18next's reserved names (count, context, lng, ns, defaultValue). */
export type MessageParams = Record<string, string | number | null | undefined>;

/** A message function bound to a module's catalog: `m('key', { name })` in the current locale (or the one given). */
export type Translate<K extends string> = (key: K, params?: MessageParams, locale?: Locale) => string;

/**
 * Registers a module's messages and returns its translate function. A namespace is defined once;
 * `test/common/messages.test.ts` checks every message has both languages with the same placeholders.
 */
export function defineMessages<const M extends Record<string, Message>>(namespace: string, messages: M): Translate<keyof M & string> {
  if (catalogs.has(namespace)) throw new Error(`Message namespace "${namespace}" is defined twice`);
  catalogs.set(namespace, messages);
  const pick = (lang: 'zh' | 'en') => Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v[lang]]));
  i18n.addResourceBundle('zh-CN', namespace, pick('zh'));
  i18n.addResourceBundle('en', namespace, pick('en'));
  return (key, params, locale) => translate(namespace, key, params, locale);
}

/**
 * A text stored for every reader (a history entry, a revision's reason): Chinese, then English,
 * as "中文 / English". Stored text is read later by people of either language, so the request's
 * locale must not pick one.
 */
export function bilingual<K extends string>(m: Translate<K>, key: K, params: MessageParams = {}): string {
  return `${m(key, params, 'zh-CN')} / ${m(key, params, 'en')}`;
}

/** A message of a namespace in the current locale (or the one given). */
export function translate(namespace: string, key: string, params: MessageParams = {}, locale: Locale = currentLocale()): string {
  if (!catalogs.get(namespace)?.[key]) throw new Error(`No message "${namespace}:${key}"`);
  return i18n.t(key, { ...params, ns: namespace, lng: locale }) as string;
}

/** Every registered catalog, for the completeness test. */
export function messageCatalogs(): ReadonlyMap<string, Record<string, Message>> {
  return catalogs;
}

/** The locale of the request being served; Chinese outside any request (scripts, timers). */
export function currentLocale(): Locale {
  return current.getStore() ?? DEFAULT_LOCALE;
}

/** Runs `fn` (and all async work it starts) in `locale`. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  return current.run(locale, fn);
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4, q-values honoured),
 * or for a bare tag such as `en` or `zh-CN`. Any `zh…` is Chinese, any `en…` English; nothing we
 * speak, or no header: Chinese.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header || typeof header !== 'string') return DEFAULT_LOCALE;
  const ranges = header
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === '*') return DEFAULT_LOCALE;
  }
  return DEFAULT_LOCALE;
}
