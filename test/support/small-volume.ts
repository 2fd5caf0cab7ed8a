import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A small file system of the test's own, which it can fill to the last byte. */
export interface SmallVolume {
  readonly path: string;
  /** How it was made: "tmpfs" or "loop-mounted ext4". */
  readonly kind: string;
  /** Writes a file until the volume is full (ENOSPC); returns the bytes written. */
  fill(name: string): number;
  unmount(): Promise<void>;
}

/**
 * Mounts a tmpfs of `megabytes` (needs root, or CAP_SYS_ADMIN), else an ext4 image through a
 * loop device. Resolves to null with the reasons when neither is permitted here, so the test can
 * say why it skipped instead of failing.
 */
export async function mountSmallVolume(megabytes: number): Promise<SmallVolume | { reasons: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'folio-small-volume-'));
  const path = join(root, 'mnt');
  await run('mkdir', ['-p', path]);
  const reasons: string[] = [];
  const volume = (kind: string, cleanup: () => Promise<void>): SmallVolume => ({
    path,
    kind,
    fill(name) {
      const fd = openSync(join(path, name), 'w');
      const chunk = Buffer.alloc(64 * 1024, 0x5a);
      let written = 0;
      try {
        for (;;) written += writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
      // The last partial pages: fill them a byte at a time until none is left.
      const byte = Buffer.alloc(1, 0x5a);
      try {
        for (;;) written += writeSync(fd, byte);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
      closeSync(fd);
      return written;
    },
    async unmount() {
      await run('umount', [path]).catch(() => run('umount', ['-l', path]));
      await cleanup();
      rmSync(root, { recursive: true, force: true });
    },
  });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0777`, 'tmpfs', path]);
    return volume('tmpfs', async () => undefined);
  } catch (err) {
    reasons.push(`mount -t tmpfs: ${(err as { stderr?: string }).stderr?.trim() || String(err)}`);
  }
  const image = join(root, 'volume.img');
  try {
    await run('truncate', ['-s', `${megabytes}M`, image]);
    await run('mkfs.ext4', ['-q', '-F', image]);
    await run('mount', ['-o', 'loop', image, path]);
    return volume('loop-mounted ext4', async () => undefined);
  } catch (err) {
    reasons.push(`mount -o loop (ext4 image): ${(err as { stderr?: string }).stderr?.trim() || String(err)}`);
  }
  rmSync(root, { recursive: true, force: true });
  return { reasons };
}
