import type { EntityManager } from '@mikro-orm/postgresql';
import { verifyPassword } from '../../auth/password';
import type { TokenService } from '../../auth/token';
import { UserErrorCode, userError, type UserError } from '../../graphql/user-error.type';
import { User } from './user.entity';

export type LoginResult = { token: string; user: User } | { userErrors: UserError[] };

/** Sign-in: e-mail and password in, a signed expiring token out. */
export class AuthService {
  constructor(private readonly tokens: TokenService) {}

  async login(em: EntityManager, email: string, password: string): Promise<LoginResult> {
    const user = await em.findOne(User, { email: email.trim().toLowerCase() }, { populate: ['passwordHash'] });
    // One answer for an unknown e-mail and a wrong password, in the same time.
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      return { userErrors: [userError(UserErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password.')] };
    }
    return { token: await this.tokens.sign({ id: user.id, role: user.role }), user };
  }
}
