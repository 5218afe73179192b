import * as domain from '@tandem/domain';
import { parseDecimalArg } from '../../graphql/money-args';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../auth/password';
import type { UserDirectory } from '../../auth/user-directory';
import type { Viewer } from '../../auth/viewer';
import { lockFirstAdmin } from '../../db/locks';
import { query } from '../../db/sql';
import { inTransaction, refused, refusedWith, type MutationResult } from '../../db/transaction';
import { transactional } from '../../db/transactional';
import { unauthenticated } from '../../graphql/errors';
import { isUuid } from '../../graphql/ids';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import type { Logger } from '../../logger';
import { Role, User } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface UserChanges {
  name?: string | null;
  role?: Role | null;
  active?: boolean | null;
  commissionRate?: string | null;
}

/** Users: the signed-in user, user administration (ADMIN only) and the first admin. */
export class UserService {
  constructor(private readonly directory: UserDirectory) {}

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
   * Changes a user's name, role or standing (ADMIN only). What the user may read
   * follows at once on every instance: its next request, and every alert its
   * open sockets deliver from now on, use the new role; a switched-off user's
   * tokens are refused and its sockets closed (auth/user-directory.ts). The last
   * active ADMIN cannot be demoted or switched off.
   */
  async updateUser(em: EntityManager, viewer: Viewer | null, id: string, changes: UserChanges & object): Promise<MutationResult<User>> {
    if (!viewer) throw unauthenticated();
    if (viewer.role !== Role.ADMIN) return refused(UserErrorCode.FORBIDDEN, 'Only an ADMIN may change users.');
    const invalid = await inputErrors(changes);
    if (invalid.length) return refusedWith(invalid);
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such user.', ['id']);
    const commissionRate = changes.commissionRate == null ? null : parseDecimalArg(changes.commissionRate, ['input', 'commissionRate'], 4);
    if (commissionRate !== null && (domain.money(commissionRate).isNeg() || domain.money(commissionRate).gt(1))) {
      return refused(UserErrorCode.BAD_USER_INPUT, 'commissionRate is a fraction from 0 to 1 (0.05 for 5 %).', ['input', 'commissionRate']);
    }
    const r = await inTransaction(em, viewer, async (tx, events) => {
      // Changes to who is an admin queue behind each other, so two admins cannot demote each other at once.
      await lockFirstAdmin(tx);
      const [row] = await query<{ id: string }>(tx, 'select id from users where id = ? for no key update', [id]);
      if (!row) throw new Refused(UserErrorCode.NOT_FOUND, 'No such user.', ['id']);
      const user = await tx.findOneOrFail(User, { id }, { refresh: true });
      const before = { name: user.name, role: user.role, active: user.active, commissionRate: user.commissionRate ?? null };
      const after = { name: changes.name?.trim() || user.name, role: changes.role ?? user.role, active: changes.active ?? user.active, commissionRate: commissionRate ?? user.commissionRate ?? null };
      if (before.role === Role.ADMIN && before.active && (after.role !== Role.ADMIN || !after.active)) {
        const [{ n }] = await query<{ n: number }>(tx, `select count(*)::int as n from users where role = 'ADMIN' and active and id <> ?`, [id]);
        if (n === 0) throw new Refused(UserErrorCode.CONFLICT, 'This is the last active ADMIN; make another user ADMIN first.', ['input', changes.role ? 'role' : 'active']);
      }
      if (changes.name != null) user.name = changes.name.trim();
      if (commissionRate !== null) user.commissionRate = commissionRate;
      user.role = after.role;
      user.active = after.active;
      if (Object.keys(before).some((k) => before[k as keyof typeof before] !== after[k as keyof typeof after])) events.record({ type: 'UserUpdated', userId: id, before, after });
      return user;
    });
    // This instance need not wait for its own notice to come back.
    if (r.ok) this.directory.apply(JSON.stringify({ id, role: r.value.role, active: r.value.active }));
    return r;
  }

  /**
   * On an empty database, creates the first ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD.
   * Outside production a missing password is generated and printed once.
   */
  async ensureFirstAdmin(em: EntityManager, opts: { email?: string; password?: string; production: boolean }, log: Logger): Promise<{ email: string; generatedPassword?: string } | null> {
    return transactional(em, async (tx) => {
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
