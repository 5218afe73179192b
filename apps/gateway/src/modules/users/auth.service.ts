import type { EntityManager } from '@mikro-orm/postgresql';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { verifyPassword } from '../../auth/password';
import type { TokenService } from '../../auth/token';
import { refused, type MutationResult } from '../../db/transaction';
import { UserErrorCode } from '../../graphql/user-error.type';
import { User } from './user.entity';

export type LoginResult = MutationResult<{ token: string; user: User }>;

/** Failed sign-ins allowed per e-mail address in a window, across all instances. */
export const LOGIN_ATTEMPTS = { points: 10, durationSeconds: 15 * 60 };

/**
 * Sign-in: e-mail and password in, a signed expiring token out. Failures are
 * counted per e-mail address in PostgreSQL (shared by every instance); after
 * ten in fifteen minutes the address is refused until the window passes, the
 * same way whether or not such a user exists.
 */
export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly failures: RateLimiterAbstract,
  ) {}

  async login(em: EntityManager, email: string, password: string): Promise<LoginResult> {
    const key = email.trim().toLowerCase();
    const seen = await this.failures.get(key);
    if (seen && seen.consumedPoints >= LOGIN_ATTEMPTS.points) {
      const minutes = Math.max(1, Math.ceil(seen.msBeforeNext / 60_000));
      return refused(UserErrorCode.TOO_MANY_ATTEMPTS, `Too many failed sign-ins for this e-mail; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
    const user = await em.findOne(User, { email: key }, { populate: ['passwordHash'] });
    // One answer for an unknown e-mail, a wrong password and a switched-off user, in the same time.
    if (!(await verifyPassword(user?.passwordHash, password)) || !user || !user.active) {
      await this.failures.consume(key).catch(() => undefined); // rejects once the points are spent: that is the lock-out itself
      return refused(UserErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password.');
    }
    await this.failures.delete(key);
    return { ok: true, value: { token: await this.tokens.sign({ id: user.id, role: user.role }), user } };
  }
}
