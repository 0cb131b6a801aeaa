import { SignJWT, errors, jwtVerify } from 'jose';

export interface TokenClaims {
  userId: string;
  tokenVersion: number;
}

/** A verified token's claims, with its expiry (ms since the epoch; Infinity without one). */
export interface VerifiedClaims extends TokenClaims {
  expiresAt: number;
}

/** HS256 JWTs: `sub` is the user id, `ver` the user's token version at issue time. */
export class TokenService {
  private readonly key: Uint8Array;
  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<string> {
    return (await this.issueWithExpiry(claims)).token;
  }

  /** A token and when it expires (whole seconds, as in its `exp`), so a client knows when to renew. */
  async issueWithExpiry(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.ttlSeconds;
    const token = await new SignJWT({ ver: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuedAt(now)
      .setIssuer('jiangxin')
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
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
      return { claims: { userId: payload.sub, tokenVersion: payload.ver, expiresAt } };
    } catch (err) {
      // jose checks the signature before the expiry: only a genuine token is reported as expired.
      return { refusal: err instanceof errors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID' };
    }
  }
}
