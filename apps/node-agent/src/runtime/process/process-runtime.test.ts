import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createProcessRuntime } from './index.js';
import { readStat } from './proc-stats.js';
import type { ContainerConfig, PodSandbox } from '../runtime.js';

type TestContext = { after(fn: () => unknown): void };

let podSeq = 0;
/** A fresh runtime over a temp dir and one sandbox in its own /24 (unique per test, so tests never share IPs). */
async function setup(t: TestContext, extra: { logRotation?: { maxBytes: number; maxFiles: number }; volumes?: { name: string; emptyDir?: object }[] } = {}) {
  const rootDir = mkdtempSync(join(tmpdir(), 'wh-proc-'));
  const octet = 100 + (process.pid % 50) + (podSeq++ % 100);
  const runtime = createProcessRuntime({ rootDir, podCidr: `127.201.${octet}.0/24`, logRotation: extra.logRotation });
  const sandbox = await runtime.createSandbox({ uid: `uid-${podSeq}`, namespace: 'default', name: `pod-${podSeq}`, volumes: extra.volumes });
  t.after(async () => {
    await runtime.removeSandbox(sandbox.uid);
    rmSync(rootDir, { recursive: true, force: true });
  });
  return { runtime, sandbox, rootDir };
}

function node(name: string, script: string, extra: Partial<ContainerConfig> = {}): ContainerConfig {
  return { name, image: 'node:20', command: [process.execPath], args: ['-e', script], env: {}, init: false, ...extra };
}

test('a container runs with exactly its env plus PATH/HOME/HOSTNAME defaults, in the pod dir, and exits 0 as Completed', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const script = 'console.log(JSON.stringify({ cwd: process.cwd(), env: process.env, args: process.argv.slice(1) }))';
  const instance = await runtime.start(sandbox, node('app', script, { args: ['-e', script, 'one', 'two'], env: { GREETING: 'hi', POD_IP: sandbox.podIP } }), 0);
  assert.equal(instance.state().state, 'running');
  const exited = await instance.exited;
  assert.equal(exited.exitCode, 0);
  assert.equal(exited.reason, 'Completed');
  assert.equal(exited.signal, undefined);
  const [line] = await runtime.readLogs(sandbox.uid, 'app', {});
  const seen = JSON.parse(line as string) as { cwd: string; env: Record<string, string>; args: string[] };
  assert.equal(seen.cwd, sandbox.dir);
  assert.deepEqual(seen.args, ['one', 'two']);
  assert.equal(seen.env.GREETING, 'hi');
  assert.equal(seen.env.POD_IP, sandbox.podIP);
  assert.equal(seen.env.HOME, sandbox.dir);
  assert.equal(seen.env.HOSTNAME, sandbox.name);
  assert.ok(seen.env.PATH?.includes('/usr/bin'));
  assert.deepEqual(Object.keys(seen.env).sort(), ['GREETING', 'HOME', 'HOSTNAME', 'PATH', 'POD_IP'], 'no host environment leaks in');
});

test('workingDir is resolved against the pod dir and created; emptyDir volumes exist', async (t) => {
  const { runtime, sandbox } = await setup(t, { volumes: [{ name: 'cache', emptyDir: {} }, { name: 'config' }] });
  assert.ok(statSync(join(sandbox.dir, 'volumes', 'cache')).isDirectory());
  assert.equal(existsSync(join(sandbox.dir, 'volumes', 'config')), false, 'only emptyDir volumes get a directory');
  const writer = await runtime.start(sandbox, node('w', "require('fs').writeFileSync('../volumes/cache/x', process.cwd())", { workingDir: 'work' }), 0);
  assert.equal((await writer.exited).exitCode, 0);
  assert.equal(readFileSync(join(sandbox.dir, 'volumes', 'cache', 'x'), 'utf8'), join(sandbox.dir, 'work'));
});

test('a non-zero exit is Error with its code; a signal death is 128+n with the signal', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const failing = await runtime.start(sandbox, node('fail', 'process.exit(3)'), 0);
  assert.deepEqual([(await failing.exited).exitCode, (await failing.exited).reason], [3, 'Error']);
  const killed = await runtime.start(sandbox, node('killed', "process.kill(process.pid, 'SIGSEGV'); setTimeout(() => {}, 10000)"), 0);
  const state = await killed.exited;
  assert.deepEqual([state.exitCode, state.signal, state.reason], [139, 'SIGSEGV', 'Error']);
});

test('a command that does not exist cannot start; no command at all is refused', async (t) => {
  const { runtime, sandbox } = await setup(t);
  await assert.rejects(runtime.start(sandbox, { ...node('x', ''), command: ['no-such-binary-wh'], args: [] }, 0), {
    message: 'exec: "no-such-binary-wh": executable file not found in $PATH',
  });
  await assert.rejects(runtime.start(sandbox, { ...node('x', ''), command: [], args: [] }, 0), /no command specified/);
  const argsOnly = await runtime.start(sandbox, { ...node('x', ''), command: [], args: ['node', '-e', 'process.exit(4)'] }, 0);
  assert.equal((await argsOnly.exited).exitCode, 4, 'args alone run as the command, as for an image without ENTRYPOINT');
});

test('stop sends SIGTERM to the process group: a shell and its child both end', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const instance = await runtime.start(sandbox, { ...node('sh', ''), command: ['sh', '-c'], args: ['sleep 300 & echo child=$!; wait'] }, 0);
  let childPid: number | undefined;
  for (let i = 0; i < 100 && childPid === undefined; i++) {
    const line = (await runtime.readLogs(sandbox.uid, 'sh', {})).find((l) => l.startsWith('child='));
    childPid = line ? Number(line.slice(6)) : undefined;
    if (childPid === undefined) await sleep(50);
  }
  assert.ok(childPid, 'the shell reported its child');
  await runtime.stop(instance, 10_000);
  const state = instance.state();
  assert.equal(state.state, 'exited');
  assert.equal(state.state === 'exited' && state.signal, 'SIGTERM');
  assert.equal(state.state === 'exited' && state.exitCode, 143);
  assert.ok(await gone(childPid as number), 'the background child died with the container');
});

test('a process ignoring SIGTERM is SIGKILLed at the grace deadline', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const script = "process.on('SIGTERM', () => console.log('got SIGTERM, ignoring')); console.log('ready'); setInterval(() => {}, 1000)";
  const instance = await runtime.start(sandbox, node('stubborn', script), 0);
  while (!(await runtime.readLogs(sandbox.uid, 'stubborn', {})).includes('ready')) await sleep(20);
  const began = Date.now();
  await runtime.stop(instance, 700);
  const waited = Date.now() - began;
  const state = instance.state();
  assert.equal(state.state === 'exited' && state.signal, 'SIGKILL');
  assert.equal(state.state === 'exited' && state.exitCode, 137);
  assert.ok(waited >= 650, `waited out the grace period (${waited} ms)`);
  assert.ok((await runtime.readLogs(sandbox.uid, 'stubborn', {})).includes('got SIGTERM, ignoring'));
});

test('a container over its memory limit is killed as OOMKilled (137)', async (t) => {
  const { runtime, sandbox } = await setup(t);
  // Stops by itself at 1 GiB so a broken limit fails the test instead of eating the machine.
  const hog = 'const keep = []; setInterval(() => { keep.push(Buffer.alloc(16 * 1024 * 1024, 1)); if (keep.length >= 64) process.exit(0) }, 50)';
  const instance = await runtime.start(sandbox, node('hog', hog, { memoryLimitBytes: 96 * 1024 * 1024 }), 0);
  const state = await instance.exited;
  assert.deepEqual([state.reason, state.exitCode, state.signal], ['OOMKilled', 137, 'SIGKILL']);
});

test('stop with grace 0 kills at once', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const instance = await runtime.start(sandbox, node('sleepy', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"), 0);
  await runtime.stop(instance, 0);
  assert.equal((await instance.exited).signal, 'SIGKILL');
});

test('exec runs in the container env and working dir; a timeout kills it', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const instance = await runtime.start(sandbox, node('app', 'setInterval(() => {}, 1000)', { env: { SECRET_WORD: 'plover' }, workingDir: 'here' }), 0);
  const ok = await runtime.exec(instance, ['sh', '-c', 'echo $SECRET_WORD $(pwd); echo oops >&2; exit 2'], 5000);
  assert.deepEqual(ok, { exitCode: 2, output: `plover ${join(sandbox.dir, 'here')}\noops\n`, timedOut: false });
  const slow = await runtime.exec(instance, ['sleep', '30'], 300);
  assert.equal(slow.timedOut, true);
  const missing = await runtime.exec(instance, ['no-such-binary-wh'], 1000);
  assert.equal(missing.exitCode, 127);
  assert.match(missing.output, /executable file not found/);
  await runtime.stop(instance, 0);
  await assert.rejects(runtime.exec(instance, ['true'], 1000), /container not running/);
});

test('logs: timestamps, tail, since, stderr, partial last line, previous run', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const first = await runtime.start(sandbox, node('app', "console.log('one'); console.error('two'); process.stdout.write('three')"), 0);
  await first.exited;
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', {}), ['one', 'two', 'three']);
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', { tailLines: 2 }), ['two', 'three']);
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', { tailLines: 0 }), []);
  const stamped = await runtime.readLogs(sandbox.uid, 'app', { timestamps: true });
  assert.match(stamped[0] as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z one$/);
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', { sinceSeconds: 3600 }), ['one', 'two', 'three']);
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', { previous: true }), [], 'no previous run yet');

  const second = await runtime.start(sandbox, node('app', "console.log('second run')"), 1);
  await second.exited;
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', {}), ['second run']);
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', { previous: true }), ['one', 'two', 'three']);
  const third = await runtime.start(sandbox, node('app', "console.log('third run')"), 2);
  await third.exited;
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'app', { previous: true }), ['second run'], 'only the last terminated run is kept');
  assert.deepEqual(await runtime.readLogs(sandbox.uid, 'nope', {}), []);
});

test('logs rotate by size and keep the configured number of files', async (t) => {
  const { runtime, sandbox, rootDir } = await setup(t, { logRotation: { maxBytes: 4096, maxFiles: 2 } });
  const instance = await runtime.start(sandbox, node('chatty', "for (let i = 0; i < 400; i++) console.log('line ' + i)"), 0);
  await instance.exited;
  const lines = await runtime.readLogs(sandbox.uid, 'chatty', {});
  assert.equal(lines.at(-1), 'line 399');
  assert.ok(lines.length < 400, `older lines rotated away (${lines.length} kept)`);
  assert.ok(lines.length > 50, 'the current and one rotated file are read');
  const numbers = lines.map((l) => Number(l.slice(5)));
  assert.deepEqual(
    numbers,
    numbers.map((_, i) => (numbers[0] as number) + i),
    'kept lines are contiguous and in order',
  );
  const dir = join(rootDir, 'logs', sandbox.uid, 'chatty');
  assert.ok(existsSync(join(dir, '0.log.1')) && !existsSync(join(dir, '0.log.2')));
  assert.ok(statSync(join(dir, '0.log')).size <= 4096);
});

test('followLogs yields new lines as they are written until aborted', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const abort = new AbortController();
  const seen: string[] = [];
  const following = (async () => {
    for await (const line of runtime.followLogs(sandbox.uid, 'ticker', abort.signal)) {
      seen.push(line);
      if (seen.length === 3) abort.abort();
    }
  })();
  const instance = await runtime.start(sandbox, node('ticker', "let i = 0; setInterval(() => console.log('tick ' + i++), 20)"), 0);
  await following;
  assert.deepEqual(seen, ['tick 0', 'tick 1', 'tick 2']);
  await runtime.stop(instance, 0);
});

test('usage sums CPU and RSS over the pod processes, descendants included', async (t) => {
  const { runtime, sandbox } = await setup(t);
  assert.equal(await runtime.usage(sandbox.uid), undefined, 'nothing runs yet');
  const busy =
    "const { spawn } = require('child_process'); spawn(process.execPath, ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); for (;;) {}'], { stdio: 'inherit' }); console.log('spawned'); setInterval(() => {}, 1000)";
  const instance = await runtime.start(sandbox, node('busy', busy), 0);
  while (!(await runtime.readLogs(sandbox.uid, 'busy', {})).includes('spawned')) await sleep(20);
  await sleep(300);
  const first = await runtime.usage(sandbox.uid);
  await sleep(400);
  const second = await runtime.usage(sandbox.uid);
  assert.ok(first && second);
  assert.ok(second.memoryBytes > 64 * 1024 * 1024, `RSS includes the child's 64 MiB buffer (${second.memoryBytes})`);
  assert.ok(second.cpuNanoCores > 10_000_000, `a spinning child shows CPU (${second.cpuNanoCores} nanocores)`);
  await runtime.stop(instance, 5000);
});

test('an HTTP server in a container answers on its pod IP', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const script =
    "require('http').createServer((q, s) => s.end('hello from ' + process.env.POD_IP)).listen(0, process.env.POD_IP, function () { console.log('port=' + this.address().port) })";
  const instance = await runtime.start(sandbox, node('web', script, { env: { POD_IP: sandbox.podIP } }), 0);
  let port: number | undefined;
  while (port === undefined) {
    const line = (await runtime.readLogs(sandbox.uid, 'web', {})).find((l) => l.startsWith('port='));
    if (line) port = Number(line.slice(5));
    else await sleep(20);
  }
  const body = await new Promise<string>((resolve, reject) => {
    request({ host: sandbox.podIP, port, path: '/' }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d)).on('end', () => resolve(data));
    })
      .on('error', reject)
      .end();
  });
  assert.equal(body, `hello from ${sandbox.podIP}`);
  assert.match(sandbox.podIP, /^127\.201\.\d+\.\d+$/);
  await runtime.stop(instance, 5000);
});

test('removeSandbox kills what runs and removes the dir, the logs and the IP claim', async (t) => {
  const { runtime, sandbox, rootDir } = await setup(t);
  const instance = await runtime.start(sandbox, node('app', 'setInterval(() => {}, 1000)'), 0);
  await runtime.removeSandbox(sandbox.uid);
  assert.equal((await instance.exited).signal, 'SIGKILL');
  assert.equal(existsSync(sandbox.dir), false);
  assert.equal(existsSync(join(rootDir, 'logs', sandbox.uid)), false);
  assert.deepEqual(readdirSafe(join(rootDir, 'network')), []);
});

test('a restarted runtime kills processes left by the previous one and keeps pod IPs', async (t) => {
  const { runtime, sandbox, rootDir } = await setup(t);
  const instance = await runtime.start(sandbox, node('orphan', 'setInterval(() => {}, 1000)'), 0);
  const pid = (instance.state() as { pid: number }).pid;
  const again = createProcessRuntime({ rootDir, podCidr: runtime.podCidr });
  assert.equal(again.leftoversKilled, 1);
  assert.equal((await instance.exited).signal, 'SIGKILL');
  assert.ok(await gone(pid));
  const reopened: PodSandbox = await again.createSandbox({ uid: sandbox.uid, namespace: 'default', name: sandbox.name });
  assert.equal(reopened.podIP, sandbox.podIP);
});

function readdirSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** True once `pid` has no live process (a zombie awaiting its reaper counts as dead). */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const stat = readStat(pid);
    if (!stat || /\) Z /.test(readFileSafe(`/proc/${pid}/stat`))) return true;
    await sleep(50);
  }
  return false;
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

test('volumes are mounted at their mountPath in a mount namespace of the container: files, subPath, readOnly, a directory missing on the host', async (t) => {
  const { runtime, sandbox } = await setup(t);
  await runtime.setUpVolumes(sandbox, [
    { name: 'config', type: 'files', files: [{ path: 'app.conf', data: Buffer.from('level=debug\n'), mode: 0o644 }] },
    { name: 'scratch', type: 'emptyDir', medium: '' },
    { name: 'mem', type: 'emptyDir', medium: 'Memory', sizeLimitBytes: 1024 * 1024 },
  ]);
  const script = [
    "const fs = require('fs');",
    "const out = { conf: fs.readFileSync('/etc/config/app.conf', 'utf8'), sub: fs.readFileSync('/etc/app.conf', 'utf8') };",
    "fs.writeFileSync('/wh-data/deep/x', 'from container');",
    "try { fs.writeFileSync('/etc/config/new', 'x'); out.roWrite = 'ok' } catch (e) { out.roWrite = e.code }",
    "fs.writeFileSync('/run/wh-mem/y', 'in memory');",
    "out.mounts = fs.readFileSync('/proc/self/mounts', 'utf8').split('\\n').filter((l) => l.includes('wh-mem')).join('');",
    'console.log(JSON.stringify(out));',
  ].join('\n');
  const config = node('app', script, {
    mounts: [
      { volume: 'config', mountPath: '/etc/config', readOnly: true },
      { volume: 'config', mountPath: '/etc/app.conf', subPath: 'app.conf', readOnly: true },
      { volume: 'scratch', mountPath: '/wh-data/deep', readOnly: false },
      { volume: 'mem', mountPath: '/run/wh-mem', readOnly: false },
    ],
  });
  const instance = await runtime.start(sandbox, config, 0);
  const exited = await instance.exited;
  const lines = await runtime.readLogs(sandbox.uid, 'app', {});
  assert.equal(exited.exitCode, 0, lines.join('\n'));
  const seen = JSON.parse(lines.at(-1)!) as Record<string, string>;
  assert.equal(seen.conf, 'level=debug\n');
  assert.equal(seen.sub, 'level=debug\n');
  assert.equal(seen.roWrite, 'EROFS');
  assert.match(seen.mounts ?? '', /tmpfs/);
  assert.equal(readFileSync(join(sandbox.dir, 'volumes', 'scratch', 'x'), 'utf8'), 'from container');
  assert.equal(readFileSync(join(sandbox.dir, 'volumes', 'mem', 'y'), 'utf8'), 'in memory');
  assert.equal(existsSync('/wh-data'), false, 'nothing was created on the host');
  assert.equal(existsSync('/etc/config'), false, 'nothing was created on the host');
});

test('a ConfigMap-style volume is rewritten atomically: ..data swaps to a new timestamped directory', async (t) => {
  const { runtime, sandbox } = await setup(t);
  const dir = join(sandbox.dir, 'volumes', 'config');
  await runtime.setUpVolumes(sandbox, [{ name: 'config', type: 'files', files: [{ path: 'a', data: Buffer.from('1'), mode: 0o600 }] }]);
  const first = readdirSync(dir).sort();
  assert.deepEqual(
    first.filter((n) => !n.startsWith('..2')),
    ['..data', 'a'],
  );
  assert.equal(statSync(join(dir, 'a')).mode & 0o777, 0o600);
  await runtime.setUpVolumes(sandbox, [{ name: 'config', type: 'files', files: [{ path: 'b/c', data: Buffer.from('2'), mode: 0o644 }] }]);
  assert.deepEqual(
    readdirSync(dir)
      .filter((n) => !n.startsWith('..2'))
      .sort(),
    ['..data', 'b'],
  );
  assert.equal(readFileSync(join(dir, 'b', 'c'), 'utf8'), '2');
  assert.equal(readdirSync(dir).filter((n) => n.startsWith('..2')).length, 1, 'the old timestamped directory is gone');
});

test('hostPath types are checked as the kubelet does', async (t) => {
  const { runtime, sandbox, rootDir } = await setup(t);
  const missing = join(rootDir, 'host', 'made');
  await runtime.setUpVolumes(sandbox, [{ name: 'h', type: 'hostPath', path: missing, hostPathType: 'DirectoryOrCreate' }]);
  assert.ok(statSync(missing).isDirectory());
  await assert.rejects(
    runtime.setUpVolumes(sandbox, [{ name: 'h', type: 'hostPath', path: join(rootDir, 'nope'), hostPathType: 'Directory' }]),
    /MountVolume.SetUp failed for volume "h" : hostPath type check failed: .*nope does not exist/,
  );
  await assert.rejects(runtime.setUpVolumes(sandbox, [{ name: 'h', type: 'hostPath', path: missing, hostPathType: 'File' }]), /is not a file/);
  await runtime.setUpVolumes(sandbox, [{ name: 'f', type: 'hostPath', path: join(missing, 'f'), hostPathType: 'FileOrCreate' }]);
  assert.ok(statSync(join(missing, 'f')).isFile());
  await assert.rejects(runtime.setUpVolumes(sandbox, [{ name: 's', type: 'hostPath', path: join(missing, 'f'), hostPathType: 'Socket' }]), /is not a socket file/);
});

test('exec runs inside the container mount namespace (probes and hooks see its volumes)', async (t) => {
  const { runtime, sandbox } = await setup(t);
  await runtime.setUpVolumes(sandbox, [{ name: 'config', type: 'files', files: [{ path: 'k', data: Buffer.from('v'), mode: 0o644 }] }]);
  const instance = await runtime.start(sandbox, node('app', 'setInterval(() => {}, 1000)', { mounts: [{ volume: 'config', mountPath: '/wh-conf', readOnly: true }] }), 0);
  t.after(() => runtime.stop(instance, 0));
  const result = await runtime.exec(instance, ['cat', '/wh-conf/k'], 10_000);
  assert.deepEqual(
    [result.exitCode, result.output],
    [0, 'v'],
    `exec result ${JSON.stringify(result)}, container ${JSON.stringify(instance.state())}, logs ${(await runtime.readLogs(sandbox.uid, 'app', {})).join('\n')}`,
  );
  const missing = await runtime.exec(instance, ['no-such-command'], 5000);
  assert.notEqual(missing.exitCode, 0);
});

test('a container whose command does not exist fails to start even with mounts (StartError, not exit 127)', async (t) => {
  const { runtime, sandbox } = await setup(t);
  await runtime.setUpVolumes(sandbox, [{ name: 'scratch', type: 'emptyDir', medium: '' }]);
  await assert.rejects(
    runtime.start(sandbox, { ...node('app', ''), command: ['no-such-binary'], args: [], mounts: [{ volume: 'scratch', mountPath: '/x', readOnly: false }] }, 0),
    /exec: "no-such-binary": executable file not found in \$PATH/,
  );
});
