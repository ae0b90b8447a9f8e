import fs from 'node:fs';
import path from 'node:path';

/*
 * One process per data directory: two writing the same room files would interleave their lines. The lock
 * file holds the owner's pid; a lock left by a process that is gone (killed) is taken over.
 */

const lockPath = (dir: string) => path.join(dir, 'lock');

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function takeLock(dir: string): void {
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (alive(owner))
        throw new Error(`the data directory ${dir} is in use by another Mediation Rooms process (pid ${owner})`);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`the data directory ${dir} could not be locked`);
}

export function releaseLock(dir: string): void {
  const file = lockPath(dir);
  try {
    if (Number(fs.readFileSync(file, 'utf8').trim()) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    /* already gone */
  }
}
