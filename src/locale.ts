import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { negotiateLocale, withLocale, type Locale } from './common/i18n.js';
import { addVary } from './cors.js';

/** The request's language (Accept-Language), said on the response: Content-Language, and Vary so a cache keeps one answer per language. */
export function responseLocale(req: IncomingMessage, res: ServerResponse): Locale {
  const locale = negotiateLocale(req.headers['accept-language']);
  res.setHeader('Content-Language', locale);
  addVary(res, 'Accept-Language');
  return locale;
}

/**
 * Serves the rest of the request in the language its Accept-Language asks for (see common/i18n.ts),
 * and says so: Content-Language, and Vary so a cache keeps one answer per language.
 */
export function localeMiddleware(req: Request, res: Response, next: NextFunction): void {
  withLocale(responseLocale(req, res), next);
}

/**
 * A WebSocket's language: `connectionParams.locale` (a tag such as "en" or "zh-CN", or an
 * Accept-Language value) when given, else the handshake's Accept-Language (browsers send it).
 */
export function socketLocale(connectionParams: Readonly<Record<string, unknown>> | undefined, acceptLanguage: string | undefined): Locale {
  const asked = connectionParams?.locale;
  return negotiateLocale(typeof asked === 'string' && asked.trim() ? asked : acceptLanguage);
}
