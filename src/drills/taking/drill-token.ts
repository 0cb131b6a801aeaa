import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, decodeJwt, errors, jwtVerify } from 'jose';

/** A taker let into one drill by a pass (enterDrill): no user account, no roles. */
export interface DrillTaker {
  workerId: string;
  drillId: string;
  passId: string;
  deviceId: string;
}

const AUDIENCE = 'jiangxin-drill';
/** Tokens verified lately (a phone sends the same one with every save): a city's drill is a few thousand. */
const VERIFIED_CAPACITY = 20_000;

/**
 * Drill tokens: HS256 JWTs of their own kind (`kind: 'drill'`, audience jiangxin-drill), signed with
 * the server's secret. They carry no `ver`, so the user-token check (tokens.ts) refuses them, and a
 * user token has no `kind`, so this one refuses those: neither can pass for the other. Stateless on
 * purpose: a save is checked against the attempt's row (its active device) in the same statement
 * that writes it, so no lookup per request is needed.
 */
export class DrillTokenService {
  // A KeyObject made once: given bytes, jose would make one on every verification.
  private readonly key: KeyObject;
  /**
   * Tokens whose signature and claims were checked, with their expiry: a taker's phone sends one token
   * with every save (one every ~10 s for an hour), and the HMAC, the JSON and the claim checks were
   * ~5 % of a save's CPU. Only genuine tokens enter; the expiry is still checked on every use.
   */
  private readonly verified = new Map<string, { taker: DrillTaker; expiresAtMs: number }>();
  constructor(secret: string) {
    this.key = createSecretKey(new TextEncoder().encode(secret));
  }

  async issue(taker: DrillTaker, expiresAt: Date): Promise<string> {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const token = await new SignJWT({ kind: 'drill', drl: taker.drillId, pas: taker.passId, dev: taker.deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(taker.workerId)
      .setIssuedAt()
      .setIssuer('jiangxin')
      .setAudience(AUDIENCE)
      .setExpirationTime(exp)
      .sign(this.key);
    // Signed here, so known good: the opening burst's starts need not verify what this instance issued.
    this.remember(token, { ...taker }, exp);
    return token;
  }

  private remember(token: string, taker: DrillTaker, exp: number): void {
    // The oldest out first (a Map keeps insertion order): a bound, not a cache policy worth more.
    if (this.verified.size >= VERIFIED_CAPACITY) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { taker, expiresAtMs: exp * 1000 });
  }

  /** The taker of a valid drill token, or null (expired, forged, another kind). */
  async verify(token: string): Promise<DrillTaker | null> {
    const checked = await this.check(token);
    return 'taker' in checked ? checked.taker : null;
  }

  /** Whether this token was verified here lately (so it is a drill token: no need to decode it to route it). */
  knows(token: string): boolean {
    return this.verified.has(token);
  }

  /** As verify, telling an expired (genuine) token apart, so a client knows to enter again rather than give up. */
  async check(token: string): Promise<{ taker: DrillTaker } | { refusal: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' }> {
    const known = this.verified.get(token);
    if (known) {
      // Kept when expired (the bound evicts it): its answer is the same the next time.
      return known.expiresAtMs > Date.now() ? { taker: known.taker } : { refusal: 'TOKEN_EXPIRED' };
    }
    try {
      const { payload: p } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'jiangxin', audience: AUDIENCE });
      if (p.kind !== 'drill' || typeof p.sub !== 'string' || typeof p.drl !== 'string' || typeof p.pas !== 'string' || typeof p.dev !== 'string' || typeof p.exp !== 'number') return { refusal: 'TOKEN_INVALID' };
      const taker = { workerId: p.sub, drillId: p.drl, passId: p.pas, deviceId: p.dev };
      this.remember(token, taker, p.exp);
      return { taker };
    } catch (err) {
      // jose checks the signature before the expiry: only a genuine token is reported as expired.
      return { refusal: err instanceof errors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID' };
    }
  }
}

/**
 * The bearer token of an Authorization header when it claims to be a drill token (unverified: only to
 * route it). `known` answers for tokens verified lately without decoding them (a phone sends one with
 * every save).
 */
export function drillBearer(header: string | undefined, known?: (token: string) => boolean): string | null {
  const token = header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
  if (!token) return null;
  if (known?.(token)) return token;
  try {
    return decodeJwt(token).kind === 'drill' ? token : null;
  } catch {
    return null;
  }
}
