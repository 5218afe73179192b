import { Role } from '../modules/users/user.entity';

/** Who is asking: the signed-in user's id and role, from a verified token. */
export interface Viewer {
  id: string;
  role: Role;
  /** When the token that names this viewer expires (ms since epoch), if known. */
  expiresAt?: number;
}

export { Role };
