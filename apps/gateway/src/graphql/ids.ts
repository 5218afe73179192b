/*
 * What an id the API hands out looks like, in one place: rows are named by
 * UUIDs; alerts by the outbox's bigserial, a whole number that fits in 64 bits.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BIGINT = 9223372036854775807n;

/** True for a UUID, the id of every row but an alert. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** True for an alert id: a positive whole number that fits in 64 bits. */
export function isAlertId(text: string): boolean {
  return /^\d{1,19}$/.test(text) && BigInt(text) <= MAX_BIGINT;
}
