import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import type { Role } from './auth/role.js';
import { Loaders } from './common/loaders.js';
import type { App } from './app.js';
import { currentLocale, type Locale } from './common/i18n.js';

/** Who is asking. Loaded fresh per request, so disabling a user or changing roles takes effect at once. */
export interface Viewer {
  id: string;
  roles: Role[];
  workerId: string | null;
  /** The enterprise the user acts for (User.enterprise); null or absent = city-wide. See enterpriseScopeOf. */
  enterpriseId?: string | null;
}

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  app: App;
  log: Logger;
  /** The client's address (see limits/http.ts): the budget key of anonymous requests. */
  clientAddress?: string;
  /** The version of the bearer token this request came with (unset when anonymous): renewToken keeps it. */
  tokenVersion?: number;
  /** The language messages are written in for this request (Accept-Language, or a socket's connectionParams.locale). */
  locale: Locale;
}

export function createContext(app: App, viewer: Viewer | null): Context {
  const em = app.orm.em.fork();
  return { em, viewer, loaders: new Loaders(em), app, log: app.log, locale: currentLocale() };
}
