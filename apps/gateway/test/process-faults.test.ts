import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * An unhandled promise rejection (a library's background promise, a lost
 * connection at the wrong moment) is logged with its stack and counted, and
 * the process goes on: main.ts installs this handler before anything starts.
 * Run in a child process, as main.ts does, on the built code.
 */
const dist = resolve(__dirname, '../dist');

it('an unhandled rejection is logged and counted, and the process keeps running', () => {
  const script = `
    const { keepRunningOnUnhandledRejections, unhandledRejections } = require(${JSON.stringify(`${dist}/process-faults.js`)});
    const { createLogger } = require(${JSON.stringify(`${dist}/logger.js`)});
    keepRunningOnUnhandledRejections(createLogger('info'));
    Promise.reject(new Error('lost connection at the wrong moment'));
    setTimeout(async () => {
      const { values } = await unhandledRejections.get();
      process.stderr.write('still running; counted ' + values[0].value + '\\n');
    }, 50);
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
  expect(r.status).toBe(0);
  expect(r.stderr).toContain('still running; counted 1');
  const logged = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } });
  expect(logged).toEqual([
    expect.objectContaining({ level: 50, msg: expect.stringContaining('unhandled promise rejection'), err: expect.objectContaining({ message: 'lost connection at the wrong moment' }) }),
  ]);

  // Without the handler, Node ends the process on the same rejection: this is what it prevents.
  const bare = spawnSync(process.execPath, ['-e', `Promise.reject(new Error('x')); setTimeout(() => process.stderr.write('alive after ' + 50 * 2), 50);`], { encoding: 'utf8', timeout: 10_000 });
  expect(bare.status).not.toBe(0);
  expect(bare.stderr).toContain('Error: x');
  expect(bare.stderr).not.toContain('alive after 100');
});
