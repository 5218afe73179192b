import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../auth/password';
import type { Viewer } from '../../auth/viewer';
import { lockFirstAdmin } from '../../db/locks';
import { inTransaction, refused, refusedWith, type MutationResult } from '../../db/transaction';
import { unauthenticated } from '../../graphql/errors';
import { UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import type { Logger } from '../../logger';
import { Role, User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Users: the signed-in user, user administration (ADMIN only) and the first admin. */
export class UserService {
  async me(em: EntityManager, viewer: Viewer | null): Promise<User> {
    if (!viewer) throw unauthenticated();
    const user = await em.findOne(User, { id: viewer.id });
    if (!user) throw unauthenticated('The user of this token no longer exists.');
    return user;
  }

  async createUser(em: EntityManager, viewer: Viewer | null, input: NewUser & object): Promise<MutationResult<User>> {
    if (!viewer) throw unauthenticated();
    if (viewer.role !== Role.ADMIN) return refused(UserErrorCode.FORBIDDEN, 'Only an ADMIN may create users.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    try {
      return await inTransaction(em, viewer, async (tx, events) => {
        const user = await this.insert(tx, input);
        events.record({ type: 'UserCreated', userId: user.id, email: user.email, role: user.role });
        return user;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) return refused(UserErrorCode.CONFLICT, 'A user with this e-mail already exists.', ['input', 'email']);
      throw err;
    }
  }

  /**
   * On an empty database, creates the first ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD.
   * Outside production a missing password is generated and printed once.
   */
  async ensureFirstAdmin(em: EntityManager, opts: { email?: string; password?: string; production: boolean }, log: Logger): Promise<{ email: string; generatedPassword?: string } | null> {
    return em.transactional(async (tx) => {
      // Serialize concurrent starts of several instances on one database.
      await lockFirstAdmin(tx);
      if ((await tx.count(User, {})) > 0) return null;
      if (opts.production && (!opts.email || !opts.password)) {
        throw new Error('The database has no users: set ADMIN_EMAIL and ADMIN_PASSWORD for the first admin.');
      }
      const email = opts.email ?? 'admin@tandem.local';
      const generatedPassword = opts.password ? undefined : randomBytes(12).toString('base64url');
      await this.insert(tx, { email, name: 'Administrator', role: Role.ADMIN, password: opts.password ?? generatedPassword! });
      log.info({ email }, 'created the first admin');
      return { email, generatedPassword };
    });
  }

  private async insert(em: EntityManager, input: NewUser): Promise<User> {
    const user = em.create(User, {
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    await em.persistAndFlush(user);
    return user;
  }
}
