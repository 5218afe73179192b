import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP-recommended memory and time cost). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A fixed hash to verify against when the e-mail is unknown, so a wrong e-mail
// costs as much time as a wrong password and the two cannot be told apart.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummyHash ??= hash('not-a-real-password-only-for-timing')));
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== undefined;
}
