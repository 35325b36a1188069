// Before writing, writeFileAtomic removes the temporary files that killed builds left beside the target
// (`.graph.json.<pid>.<hex>.tmp` whose process is gone) and keeps those of builds still running, its own,
// and every file that is not one of its temporaries.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempNamePattern, writeFileAtomic } from '../../src/cli/write-atomic.js';

let work: string;
let running: ChildProcess;
let deadPid: number;

/** True while `pid` names a process (signal 0 only checks). */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'papermap-stale-'));
  // A build that is still running: a live process that is not this one.
  running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    running.once('spawn', resolve);
    running.once('error', reject);
  });
  // A build that was killed: a process that has exited (its pid is free now).
  const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  deadPid = Number(exited.stdout);
});
afterAll(() => {
  running?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('stale temporary files', () => {
  it('are removed when their process is gone, kept while it runs', async () => {
    expect(exists(deadPid)).toBe(false);
    expect(exists(running.pid!)).toBe(true);
    const target = join(work, 'graph.json');
    writeFileSync(target, '{"old":true}');
    const names = {
      dead: `.graph.json.${deadPid}.0a1b2c3d4e5f.tmp`,
      running: `.graph.json.${running.pid}.00ff00ff00ff.tmp`,
      own: `.graph.json.${process.pid}.abcdef012345.tmp`,
      otherTarget: `.map.json.${deadPid}.0a1b2c3d4e5f.tmp`,
      noPid: '.graph.json.0.0a1b2c3d4e5f.tmp',
      notOurs: 'graph.json.bak',
    };
    for (const name of Object.values(names)) writeFileSync(join(work, name), 'partial');
    // The names really are the writer's temporaries (so keeping them below is a decision, not a miss).
    const pattern = tempNamePattern(target);
    expect([names.dead, names.running, names.own].every((n) => pattern.test(n))).toBe(true);

    await writeFileAtomic(target, '{"new":true}');

    expect(readFileSync(target, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(work).sort()).toEqual(
      ['graph.json', names.running, names.own, names.otherTarget, names.noPid, names.notOurs].sort(),
    );
  });

  it('of a target in a folder that does not exist yet: nothing to clean, the file is written', async () => {
    const target = join(work, 'new', 'deeper', 'graph.json');
    await writeFileAtomic(target, 'x');
    expect(readdirSync(join(work, 'new', 'deeper'))).toEqual(['graph.json']);
  });
});

describe('a write that fails', () => {
  it('leaves no temporary file behind and throws', async () => {
    const folder = join(work, 'fails');
    // The target is a folder that is not empty: the final rename cannot replace it.
    mkdirSync(join(folder, 'graph.json'), { recursive: true });
    writeFileSync(join(folder, 'graph.json', 'keep'), 'x');
    await expect(writeFileAtomic(join(folder, 'graph.json'), '{"new":true}')).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['graph.json']);
    expect(readFileSync(join(folder, 'graph.json', 'keep'), 'utf8')).toBe('x');
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes its file handle, written or not', async () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) await writeFileAtomic(join(work, 'handles.json'), `{"i":${i}}`);
    for (let i = 0; i < 5; i++)
      await writeFileAtomic(
        join(work, 'handles.json'),
        (function* () {
          yield `{"j":${i}}`;
        })(),
      );
    expect(open()).toBe(before);
  });
});
