import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../db/sql';
import { Role } from '../modules/users/user.entity';
import type { Viewer } from './viewer';

/** What a token's user may do now: its current role, or nothing when it was removed or switched off. */
export interface UserStanding {
  role: Role;
  active: boolean;
}

/** The NOTIFY channel on which a committed change of a user's role or standing reaches every instance. */
export const USER_CHANNEL = 'tandem_user_changed';

export interface UserNotice {
  id: string;
  role: Role;
  active: boolean;
}

const MAX_CACHED = 10_000;

/**
 * A token proves who the caller is; what it may read comes from the users
 * table as it is now. Each instance keeps the standing of the users it has
 * seen (bounded), and forgets or updates an entry when a change is announced
 * on USER_CHANNEL (the alert listener's connection, so a role change and the
 * alerts committed after it arrive in commit order). If the listener loses its
 * connection the whole cache is dropped, since a notice may have been missed.
 */
export class UserDirectory {
  readonly channel = USER_CHANNEL;
  private readonly cache = new Map<string, UserStanding | null>();
  private readonly watchers = new Map<string, Set<(standing: UserStanding | null) => void>>();

  /** The viewer with its current role, or null when its user no longer exists or is switched off. */
  async current(em: EntityManager, viewer: Viewer): Promise<Viewer | null> {
    let standing = this.cache.get(viewer.id);
    if (standing === undefined) {
      const [row] = await query<{ role: Role; active: boolean }>(em, 'select role, active from users where id = ?', [viewer.id]);
      standing = row ? { role: row.role, active: row.active } : null;
      this.remember(viewer.id, standing);
    }
    if (!standing?.active) return null;
    return { ...viewer, role: standing.role };
  }

  /** A change committed on any instance (from USER_CHANNEL), or by this one. */
  apply(payload: string): void {
    let notice: UserNotice;
    try {
      notice = JSON.parse(payload) as UserNotice;
    } catch {
      return;
    }
    if (typeof notice?.id !== 'string' || !Object.values(Role).includes(notice.role)) return;
    const standing = { role: notice.role, active: notice.active === true };
    this.remember(notice.id, standing);
    for (const watcher of this.watchers.get(notice.id) ?? []) watcher(standing);
  }

  /** Called when a notice may have been missed (the listener reconnected). */
  forgetAll(): void {
    this.cache.clear();
  }

  /** Follows one user's standing (a live socket's viewer); returns the removal. */
  watch(userId: string, watcher: (standing: UserStanding | null) => void): () => void {
    const set = this.watchers.get(userId) ?? new Set();
    set.add(watcher);
    this.watchers.set(userId, set);
    return () => {
      set.delete(watcher);
      if (set.size === 0) this.watchers.delete(userId);
    };
  }

  private remember(id: string, standing: UserStanding | null): void {
    this.cache.delete(id);
    this.cache.set(id, standing);
    // Oldest first: a Map keeps insertion order, so this is a small LRU.
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
  }
}
