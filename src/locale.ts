import type { NextFunction, Request, Response } from 'express';
import { negotiateLocale, withLocale, type Locale } from './common/i18n.js';

/**
 * Serves the rest of the request in the language its Accept-Language asks for (see common/i18n.ts),
 * and says so: Content-Language, and Vary so a cache keeps one answer per language.
 */
export function localeMiddleware(req: Request, res: Response, next: NextFunction): void {
  const locale = negotiateLocale(req.headers['accept-language']);
  res.setHeader('Content-Language', locale);
  res.vary('Accept-Language');
  withLocale(locale, next);
}

/**
 * A WebSocket's language: `connectionParams.locale` (a tag such as "en" or "zh-CN", or an
 * Accept-Language value) when given, else the handshake's Accept-Language (browsers send it).
 */
export function socketLocale(connectionParams: Readonly<Record<string, unknown>> | undefined, acceptLanguage: string | undefined): Locale {
  const asked = connectionParams?.locale;
  return negotiateLocale(typeof asked === 'string' && asked.trim() ? asked : acceptLanguage);
}
