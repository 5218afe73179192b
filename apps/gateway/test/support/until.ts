/** Waits until `check` holds, polling every 25 ms; fails naming `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what = 'the condition', ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
