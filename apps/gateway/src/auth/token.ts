import { SignJWT, jwtVerify, errors } from 'jose';
import { isUuid } from '../graphql/ids';
import type { Viewer } from './viewer';
import { Role } from '../modules/users/user.entity';

const ISSUER = 'tandem';
const AUDIENCE = 'tandem-api';

/** Signs and verifies the expiring HS256 access tokens that `login` hands out. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(viewer: Viewer): Promise<string> {
    return new SignJWT({ role: viewer.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(viewer.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The viewer a token names, or null when it is malformed, forged or expired. */
  async verify(token: string): Promise<Viewer | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const role = payload.role as Role;
      // A token names a user by its UUID and a known role; anything else was not issued here.
      if (!payload.sub || !isUuid(payload.sub) || !Object.values(Role).includes(role)) return null;
      return { id: payload.sub, role, expiresAt: payload.exp ? payload.exp * 1000 : undefined };
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }

  /** Reads `Bearer <token>` (the HTTP header and graphql-ws connectionParams use the same form). */
  async fromAuthorization(value: unknown): Promise<Viewer | null | 'invalid'> {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') return 'invalid';
    const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
    if (!m) return 'invalid';
    return (await this.verify(m[1])) ?? 'invalid';
  }
}
