import { SignJWT, decodeJwt, errors, jwtVerify } from 'jose';

/** A taker let into one drill by a pass (enterDrill): no user account, no roles. */
export interface DrillTaker {
  workerId: string;
  drillId: string;
  passId: string;
  deviceId: string;
}

const AUDIENCE = 'jiangxin-drill';

/**
 * Drill tokens: HS256 JWTs of their own kind (`kind: 'drill'`, audience jiangxin-drill), signed with
 * the server's secret. They carry no `ver`, so the user-token check (tokens.ts) refuses them, and a
 * user token has no `kind`, so this one refuses those: neither can pass for the other. Stateless on
 * purpose: a save is checked against the attempt's row (its active device) in the same statement
 * that writes it, so no lookup per request is needed.
 */
export class DrillTokenService {
  private readonly key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(taker: DrillTaker, expiresAt: Date): Promise<string> {
    return new SignJWT({ kind: 'drill', drl: taker.drillId, pas: taker.passId, dev: taker.deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(taker.workerId)
      .setIssuedAt()
      .setIssuer('jiangxin')
      .setAudience(AUDIENCE)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The taker of a valid drill token, or null (expired, forged, another kind). */
  async verify(token: string): Promise<DrillTaker | null> {
    const checked = await this.check(token);
    return 'taker' in checked ? checked.taker : null;
  }

  /** As verify, telling an expired (genuine) token apart, so a client knows to enter again rather than give up. */
  async check(token: string): Promise<{ taker: DrillTaker } | { refusal: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' }> {
    try {
      const { payload: p } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'jiangxin', audience: AUDIENCE });
      if (p.kind !== 'drill' || typeof p.sub !== 'string' || typeof p.drl !== 'string' || typeof p.pas !== 'string' || typeof p.dev !== 'string') return { refusal: 'TOKEN_INVALID' };
      return { taker: { workerId: p.sub, drillId: p.drl, passId: p.pas, deviceId: p.dev } };
    } catch (err) {
      // jose checks the signature before the expiry: only a genuine token is reported as expired.
      return { refusal: err instanceof errors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID' };
    }
  }
}

/** The bearer token of an Authorization header when it claims to be a drill token (unverified: only to route it). */
export function drillBearer(header: string | undefined): string | null {
  const token = header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
  if (!token) return null;
  try {
    return decodeJwt(token).kind === 'drill' ? token : null;
  } catch {
    return null;
  }
}
