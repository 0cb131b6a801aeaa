import { SignJWT, errors, jwtVerify } from 'jose';

export interface TokenClaims {
  userId: string;
  tokenVersion: number;
  /** When the session began (the login), seconds since the epoch; unset → now (a login). Renewals carry it on. */
  sessionStart?: number;
}

/** A verified token's claims, with its expiry (ms since the epoch; Infinity without one) and its session's start. */
export interface VerifiedClaims extends TokenClaims {
  expiresAt: number;
  sessionStart: number;
}

/**
 * HS256 JWTs: `sub` is the user id, `ver` the user's token version at issue time, `sst` the session's
 * start (the login). A token never outlives its session's maximum (`maxSessionSeconds`): renewals
 * keep `sst`, so a stolen or forgotten token cannot be renewed forever.
 */
export class TokenService {
  private readonly key: Uint8Array;
  constructor(secret: string, private readonly ttlSeconds: number, readonly maxSessionSeconds = Infinity) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<string> {
    return (await this.issueWithExpiry(claims)).token;
  }

  /** A token and when it expires (whole seconds, as in its `exp`), so a client knows when to renew. */
  async issueWithExpiry(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const sessionStart = claims.sessionStart ?? now;
    const exp = Math.min(now + this.ttlSeconds, sessionStart + this.maxSessionSeconds);
    const token = await new SignJWT({ ver: claims.tokenVersion, sst: sessionStart })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuedAt(now)
      .setIssuer('jiangxin')
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** Whether a session that began then has run past its maximum (renewal is refused: log in again). */
  sessionOver(sessionStart: number, now = Date.now()): boolean {
    return now >= (sessionStart + this.maxSessionSeconds) * 1000;
  }

  /** The claims of a valid token, or null for anything else (expired, forged, malformed). */
  async verify(token: string): Promise<TokenClaims | null> {
    const checked = await this.check(token);
    return 'claims' in checked ? checked.claims : null;
  }

  /** The claims of a valid token, or why it is refused: an expired one is told apart, so a client knows to log in again. */
  async check(token: string): Promise<{ claims: VerifiedClaims } | { refusal: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'jiangxin' });
      if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return { refusal: 'TOKEN_INVALID' };
      const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : Infinity;
      // Tokens issued before `sst` existed: their issue time is the earliest start we know.
      const sessionStart = typeof payload.sst === 'number' ? payload.sst : typeof payload.iat === 'number' ? payload.iat : 0;
      return { claims: { userId: payload.sub, tokenVersion: payload.ver, expiresAt, sessionStart } };
    } catch (err) {
      // jose checks the signature before the expiry: only a genuine token is reported as expired.
      return { refusal: err instanceof errors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID' };
    }
  }
}
