import type { WebSocket } from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../context.js';
import type { Logger } from '../logger.js';
import type { VerifiedClaims } from '../auth/tokens.js';
import { loadUserStates, refusalMessage, stateRefusal, viewerOf, type AuthRefusal, type UserState } from '../auth/user-state.js';
import { DEFAULT_LOCALE, withLocale, type Locale } from '../common/i18n.js';

/** Close code for a socket whose user may no longer be served (graphql-ws's Unauthorized: clients do not retry it). */
export const CLOSE_UNAUTHORIZED = 4401;

interface Watched {
  socket: WebSocket;
  userId: string;
  tokenVersion: number;
  /** The roles the socket was opened with, sorted: subscriptions were authorized with them. */
  roles: string;
  /** Token expiry, ms since the epoch. */
  expiresAt: number;
  expiry?: NodeJS.Timeout;
  /** The socket's language, for the close reason: its handshake's, then its connectionParams' once an operation names it. */
  locale: Locale;
}

/**
 * Each socket's language as its handshake asked (Accept-Language), recorded by guardSockets when the
 * socket opens: the watch starts before any operation tells it connectionParams.locale.
 */
const handshakeLocales = new WeakMap<WebSocket, Locale>();
export function rememberHandshakeLocale(socket: WebSocket, locale: Locale): void {
  handshakeLocales.set(socket, locale);
}

interface UserEntry {
  sockets: Set<Watched>;
  /** Cached state (null: no such user); undefined when unknown or dropped by a change notice. */
  state?: UserState | null;
  /** Raised by every change notice: a read that started before one must not fill the cache. */
  generation: number;
}

/** setTimeout's longest delay (about 24.8 days); later expiries are caught by the periodic re-check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Keeps the sockets of this instance serving only users who may still be served.
 * - Every operation on a socket is checked (`check`) against the user's state: queries and
 *   subscriptions against a per-instance cache, mutations against the database (one primary-key
 *   read), so that a mark is never accepted from a user disabled a moment ago on another instance.
 * - A change to a user (disabled, password changed, roles or worker changed) is NOTIFYed by the
 *   writing transaction (auth/user-state.ts); every instance then drops the cached state and
 *   re-checks that user's sockets at once (`userChanged`), closing them with 4401 and a reason a
 *   tablet can show.
 * - While the LISTEN connection is down, notices may be lost: the cache is not trusted then, and
 *   everything is re-read once it is back (`resync`). A periodic re-check and a timer at the token's
 *   expiry remain as the backstop.
 * A subscription is authorized once, when it starts; closing the socket is what ends private
 * subscriptions (scoreSubmitted) in time.
 */
export class SocketAuthWatch {
  private readonly users = new Map<string, UserEntry>();
  private readonly bySocket = new WeakMap<WebSocket, Watched>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    private readonly everySeconds: number,
    private readonly log: Logger,
    /** Whether change notices are arriving (the LISTEN connection is up): else the cache is not used. */
    private readonly listening: () => boolean = () => true,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.recheck(), this.everySeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    for (const e of this.users.values()) for (const w of e.sockets) clearTimeout(w.expiry);
    this.users.clear();
  }

  watch(socket: WebSocket, claims: VerifiedClaims, viewer: Viewer, locale: Locale = handshakeLocales.get(socket) ?? DEFAULT_LOCALE): void {
    const w: Watched = {
      socket, userId: viewer.id, tokenVersion: claims.tokenVersion, roles: [...viewer.roles].sort().join(), expiresAt: claims.expiresAt, locale,
    };
    const delay = Math.max(0, w.expiresAt - Date.now());
    if (delay <= MAX_TIMER_MS) {
      w.expiry = setTimeout(() => this.end(w, 'TOKEN_EXPIRED'), delay);
      w.expiry.unref();
    }
    let entry = this.users.get(w.userId);
    if (!entry) this.users.set(w.userId, (entry = { sockets: new Set(), generation: 0 }));
    // Not cached from the connect-time read: a notice may have passed before this socket was watched.
    entry.sockets.add(w);
    this.bySocket.set(socket, w);
    socket.once('close', () => this.forget(w));
  }

  /**
   * Per operation: the socket's viewer as of now (undefined for an anonymous socket), or null when
   * the user may no longer be served, in which case the socket is being closed. `fresh` reads the
   * database instead of the cache (writes); `locale` is the socket's language as the operation's
   * context has it (connectionParams.locale included), used for a later close reason. Throws when
   * the database cannot be read.
   */
  async check(socket: WebSocket, fresh: boolean, locale?: Locale): Promise<Viewer | null | undefined> {
    const w = this.bySocket.get(socket);
    if (!w) return undefined;
    if (locale) w.locale = locale;
    const cached = fresh || !this.listening() ? undefined : this.users.get(w.userId)?.state;
    const state = cached !== undefined ? cached : ((await this.load([w.userId])).get(w.userId) ?? null);
    const refusal = this.refusal(w, state);
    if (refusal) {
      this.end(w, refusal);
      return null;
    }
    return viewerOf(state!);
  }

  /** A change notice for this user (from any instance): drop what is cached and re-check their sockets now. */
  userChanged(userId: string): void {
    const entry = this.users.get(userId);
    if (!entry) return;
    entry.generation += 1;
    entry.state = undefined;
    void this.recheck([userId]);
  }

  /** After the LISTEN connection came back: notices may have been missed, so nothing cached is trusted. */
  resync(): Promise<void> {
    for (const e of this.users.values()) {
      e.generation += 1;
      e.state = undefined;
    }
    return this.recheck();
  }

  /** Re-reads these users (default: all watched) in one statement and ends the sockets that may no longer be served. */
  async recheck(ids: string[] = [...this.users.keys()]): Promise<void> {
    if (ids.length === 0) return;
    let states: Map<string, UserState>;
    try {
      states = await this.load(ids);
    } catch (err) {
      this.log.warn({ err }, 'WebSocket auth re-check failed; will retry');
      return;
    }
    for (const id of ids) {
      for (const w of [...(this.users.get(id)?.sockets ?? [])]) {
        const refusal = this.refusal(w, states.get(id) ?? null);
        if (refusal) this.end(w, refusal);
      }
    }
  }

  /** Reads the users' states and caches each one unless a change notice arrived meanwhile. */
  private async load(ids: string[]): Promise<Map<string, UserState>> {
    const generations = new Map(ids.map((id) => [id, this.users.get(id)?.generation]));
    const states = await loadUserStates(this.orm.em.fork(), ids);
    if (this.listening()) {
      for (const id of ids) {
        const entry = this.users.get(id);
        if (entry && entry.generation === generations.get(id)) entry.state = states.get(id) ?? null;
      }
    }
    return states;
  }

  private refusal(w: Watched, state: UserState | null): AuthRefusal | null {
    if (w.expiresAt <= Date.now()) return 'TOKEN_EXPIRED';
    const refusal = stateRefusal(state ?? undefined, w.tokenVersion);
    if (refusal) return refusal;
    return [...state!.roles].sort().join() !== w.roles ? 'ROLES_CHANGED' : null;
  }

  private forget(w: Watched): void {
    clearTimeout(w.expiry);
    const entry = this.users.get(w.userId);
    entry?.sockets.delete(w);
    if (entry && entry.sockets.size === 0) this.users.delete(w.userId);
  }

  private end(w: Watched, refusal: AuthRefusal): void {
    this.forget(w);
    this.log.info({ event: 'ws_unauthorized', reason: refusal }, 'WebSocket closed: its user may no longer be served');
    w.socket.close(CLOSE_UNAUTHORIZED, withLocale(w.locale, () => refusalMessage(refusal)));
  }
}
