import { Role } from '../modules/users/user.entity';

/** Who is asking: the signed-in user's id and role, from a verified token. */
export interface Viewer {
  id: string;
  role: Role;
}

export { Role };
