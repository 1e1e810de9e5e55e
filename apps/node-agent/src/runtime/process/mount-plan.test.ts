import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planMountsWith, type HostView } from './mount-plan.js';

/** A host with these directories (and /etc/hosts, a file), /proc and /etc/hosts as mount points. */
function fakeHost(dirs: string[]): HostView {
  const exists = (p: string) => p === '/' || dirs.includes(p) || p === '/etc/hosts';
  return {
    resolve(path) {
      const parts = path.split('/').filter(Boolean);
      for (let n = parts.length; n >= 0; n--) {
        const prefix = `/${parts.slice(0, n).join('/')}`;
        if (exists(prefix)) return { real: prefix.replace(/^\/var\/run/, '/run'), missing: parts.slice(n) };
      }
      return { real: '/', missing: parts };
    },
    isDirectory: (p) => !p.endsWith('.conf') && p !== '/etc/hosts',
    mountPoints: () => ['/', '/proc', '/proc/sys/fs/binfmt_misc', '/etc/hosts', '/pods/p1/volumes/mem'],
  };
}
const tools = { mount: '/usr/bin/mount', umount: '/usr/bin/umount', chroot: '/usr/sbin/chroot' };
const host = fakeHost(['/etc', '/run', '/var', '/var/run', '/pods', '/pods/p1', '/mnt', '/mnt/stage']);

test('an existing target is mounted on directly, no overlay', () => {
  const plan = planMountsWith({ stageDir: '/mnt/stage', podDir: '/pods/p1', tools, mounts: [{ source: '/pods/p1/etc/hosts.conf', target: '/etc/hosts', readOnly: false }] }, host);
  assert.deepEqual(plan.overlays, []);
  assert.equal(plan.root, undefined);
  assert.match(plan.script, /--move '\/mnt\/stage\/v0' '\/etc\/hosts'/);
  assert.match(plan.script, /exec "\$@"$/);
});

test('a missing directory under /etc: /etc is covered by an overlay, its submounts bound back, the mount point made inside it', () => {
  const plan = planMountsWith(
    {
      stageDir: '/mnt/stage',
      podDir: '/pods/p1',
      tools,
      mounts: [
        { source: '/pods/p1/volumes/config', target: '/etc/config', readOnly: true },
        { source: '/pods/p1/volumes/more', target: '/etc/config/more', readOnly: false },
      ],
    },
    host,
  );
  assert.deepEqual(plan.overlays, ['/etc'], 'a target inside another mount needs no overlay');
  const lines = plan.script.split('\n');
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  assert.ok(at(/--rbind -- '\/pods\/p1\/volumes\/config' '\/mnt\/stage\/v0'/) < at(/-t overlay/), 'sources are staged before the overlay hides nothing of theirs');
  assert.ok(at(/--rbind -- '\/etc\/hosts' '\/mnt\/stage\/o0\/m\/hosts'/) > at(/-t overlay/), '/etc/hosts (a mount) is bound back into the overlay');
  assert.ok(at(/--move '\/mnt\/stage\/o0\/m' '\/etc'/) > 0);
  assert.ok(at(/--move '\/mnt\/stage\/v0' '\/etc\/config'/) < at(/--move '\/mnt\/stage\/v1' '\/etc\/config\/more'/), 'outer mounts first');
  assert.ok(at(/remount,bind,ro '\/etc\/config' /) > at(/--move '\/mnt\/stage\/v1'/), 'read-only once every mount is made');
  assert.equal(lines.filter((l) => /remount/.test(l)).length, 1);
});

test('a missing top-level directory: the container runs chrooted into an overlay of /, with the pod directory bound back', () => {
  const plan = planMountsWith({ stageDir: '/mnt/stage', podDir: '/pods/p1', tools, mounts: [{ source: '/pods/p1/volumes/data', target: '/data/app', readOnly: false }] }, host);
  assert.deepEqual(plan.overlays, ['/']);
  assert.equal(plan.root, '/mnt/stage/o0/m');
  assert.match(plan.script, /--rbind -- '\/pods\/p1' '\/mnt\/stage\/v1'/);
  assert.match(plan.script, /--rbind -- '\/proc' '\/mnt\/stage\/o0\/m\/proc'/);
  assert.doesNotMatch(plan.script, /binfmt_misc/, 'only the outermost mounts are bound back (rbind takes the rest)');
  assert.match(plan.script, /--move '\/mnt\/stage\/v0' '\/mnt\/stage\/o0\/m\/data\/app'/);
  assert.match(plan.script, /exec \/usr\/sbin\/chroot '\/mnt\/stage\/o0\/m' \/bin\/sh -c/);
  assert.doesNotMatch(plan.script, /umount/, 'the staging tmpfs holds the new root');
});

test('symlinked parents resolve; two volumes at one place are refused', () => {
  const plan = planMountsWith({ stageDir: '/mnt/stage', podDir: '/pods/p1', tools, mounts: [{ source: '/v', target: '/var/run/x', readOnly: false }] }, host);
  assert.deepEqual(plan.overlays, ['/run']);
  assert.throws(
    () =>
      planMountsWith(
        {
          stageDir: '/s',
          podDir: '/pods/p1',
          tools,
          mounts: [
            { source: '/a', target: '/run/x', readOnly: false },
            { source: '/b', target: '/var/run/x', readOnly: false },
          ],
        },
        host,
      ),
    /two volumes are mounted at \/run\/x/,
  );
});
