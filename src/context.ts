import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import type { Role } from './auth/role.js';
import { Loaders } from './common/loaders.js';
import type { App } from './app.js';
import { currentLocale, type Locale } from './common/i18n.js';
import type { CacheSlot } from './cache/store.js';
import type { DrillTaker } from './drills/taking/drill-token.js';

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
  /** When that token's session began (its login), seconds since the epoch: renewToken refuses past the maximum and keeps it. */
  sessionStart?: number;
  /** The language messages are written in for this request (Accept-Language, or a socket's connectionParams.locale). */
  locale: Locale;
  /**
   * A drill token's taker (src/drills/taking): no viewer and no roles, so every @Authorized resolver refuses
   * it; only the taker's own attempt operations read this.
   */
  drillTaker?: DrillTaker;
  /** Set for an anonymous HTTP read the response cache may store (src/cache). */
  responseCacheSlot?: CacheSlot;
}

/**
 * The EntityManager and the loaders are made on first use: a subscription's context lives as long as
 * the socket, and a thousand screens on a leaderboard never use theirs (board messages read through
 * their own forks), so each would otherwise hold an identity map and a unit of work for hours. The
 * getters live on the prototype: Apollo copies a context's own fields for each operation
 * (Object.assign), which would call getters of the object's own and fork an EntityManager for every
 * request, a drill save that writes through its batch's own fork included.
 */
class RequestContext {
  private lazyEm: EntityManager | undefined = undefined;
  private lazyLoaders: Loaders | undefined = undefined;
  log: Logger;
  locale: Locale = currentLocale();

  constructor(public app: App, public viewer: Viewer | null) {
    this.log = app.log;
  }

  get em(): EntityManager {
    return (this.lazyEm ??= this.app.orm.em.fork());
  }

  get loaders(): Loaders {
    return (this.lazyLoaders ??= new Loaders(this.em));
  }
}

export function createContext(app: App, viewer: Viewer | null): Context {
  return new RequestContext(app, viewer);
}
