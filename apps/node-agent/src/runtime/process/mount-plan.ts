// The shell script that lays out one container's mount namespace (pure; the process
// runtime runs it under `unshare -m --propagation private`, then it execs the container).
//
// The hard part is a mountPath whose directory does not exist on the host (/etc/config,
// /data): the kubelet's runtime creates it in the image's root filesystem, but here the
// container shares the host's root, and creating directories there would change the host.
// So the nearest existing ancestor (/etc, or /) is covered, inside the namespace only, by
// an overlay whose lower layer is the host directory itself and whose upper layer is a
// tmpfs: the container sees the host's files, and the new mount points (and anything else
// it writes there) live in memory and vanish with it. An overlay is one mount however many
// entries the directory has (a tmpfs re-populated with one bind per entry cost about a
// second for /etc here); the mounts below the directory, which an overlay's lower layer
// does not show, are bound back into it. The root itself cannot be covered in place, so
// the container then runs chrooted into the overlay of `/`.
//
// Sources are bound into a private staging tmpfs first, while their host paths still
// mean the host's files, and moved to their targets once the overlays are in place.

export interface PlannedMount {
  /** Host path of the volume (or of the file or directory inside it, for a subPath). */
  source: string;
  /** Absolute path inside the container. */
  target: string;
  readOnly: boolean;
}

/** What the plan needs to know of the host's filesystem. */
export interface HostView {
  /** The real path of the longest existing prefix of `path`, and the components after it that do not exist. */
  resolve(path: string): { real: string; missing: string[] };
  /** Whether a source is a directory (anything else is mounted as a file). */
  isDirectory(path: string): boolean;
  /** Every mount point of the host, as /proc/self/mountinfo lists them. */
  mountPoints(): string[];
}

export interface MountPlanInput {
  /** A host directory of this container alone, outside the pod directory, for the staging tmpfs. */
  stageDir: string;
  /** The pod directory: when an overlay covers it, it is bound back so writes still reach the host. */
  podDir: string;
  mounts: PlannedMount[];
  /** Absolute paths of `mount`, `umount` and `chroot`. */
  tools: { mount: string; umount: string; chroot: string };
}

export interface MountPlan {
  /** `sh -c` script; its positional parameters are the container's argv, its cwd the container's. */
  script: string;
  /** Set when the container runs chrooted (an overlay of `/`). */
  root?: string;
  /** Host directories covered by an overlay in the namespace. */
  overlays: string[];
}

export const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

const isUnder = (path: string, dir: string) => (dir === '/' ? path !== '/' : path.startsWith(`${dir}/`));
const join = (...parts: string[]) => parts.join('/').replace(/\/+/g, '/');
const depth = (path: string) => path.split('/').filter(Boolean).length;

interface Resolved extends PlannedMount {
  /** The target with symlinks of its existing part resolved. */
  final: string;
  exists: boolean;
  directory: boolean;
}

/** The plan for `input`, reading the host through `view`. */
export function planMountsWith(input: MountPlanInput, view: HostView): MountPlan {
  const { stageDir: stage, tools } = input;
  const resolved: Resolved[] = input.mounts.map((m) => {
    const { real, missing } = view.resolve(m.target);
    return { ...m, final: join(real, ...missing), exists: missing.length === 0, directory: view.isDirectory(m.source) };
  });
  const finals = resolved.map((m) => m.final);
  const dup = finals.find((f, i) => finals.indexOf(f) !== i);
  if (dup) throw new Error(`two volumes are mounted at ${dup}`);

  // Directories to cover: the nearest existing ancestor of each missing target that no other mount provides.
  const covered = new Set<string>();
  for (const m of resolved) {
    if (m.exists || finals.some((f) => isUnder(m.final, f))) continue;
    covered.add(view.resolve(m.target).real);
  }
  // Only the outermost: an overlay of /etc already lets /etc/ssl/x be created.
  let overlays = [...covered].filter((dir) => ![...covered].some((other) => isUnder(dir, other))).sort();
  if (overlays.includes('/')) overlays = ['/'];
  const rootOverlay = overlays[0] === '/';
  const root = rootOverlay ? join(stage, 'o0', 'm') : undefined;
  const inRoot = (path: string) => (root ? join(root, path) : path);

  const all: Resolved[] = [...resolved];
  // The pod directory (working directory, HOME) must stay the host's under an overlay.
  if (overlays.some((dir) => isUnder(input.podDir, dir)))
    all.push({ source: input.podDir, target: input.podDir, final: input.podDir, readOnly: false, exists: true, directory: true });

  const lines: string[] = [`fail() { echo "wheelhouse: $*" >&2; exit 128; }`];
  const run = (command: string, failure: string) => lines.push(`${command} || fail ${quote(failure)}`);
  run(`${tools.mount} -t tmpfs -o mode=0700 wheelhouse-stage ${quote(stage)}`, `cannot mount the staging tmpfs at ${stage}`);
  all.forEach((m, i) => {
    const staged = join(stage, `v${i}`);
    lines.push(m.directory ? `mkdir ${quote(staged)}` : `: > ${quote(staged)}`);
    run(`${tools.mount} --rbind -- ${quote(m.source)} ${quote(staged)}`, `cannot bind ${m.source}`);
  });

  const mountPoints = view.mountPoints();
  overlays.forEach((dir, i) => {
    const base = join(stage, `o${i}`);
    const merged = join(base, 'm');
    lines.push(`mkdir ${quote(base)} ${quote(join(base, 'u'))} ${quote(join(base, 'w'))} ${quote(merged)}`);
    run(
      `${tools.mount} -t overlay overlay -o ${quote(`lowerdir=${dir},upperdir=${join(base, 'u')},workdir=${join(base, 'w')}`)} ${quote(merged)}`,
      `cannot cover ${dir} with an overlay`,
    );
    // Mounts below the directory (its lower layer shows what lies under them): bound back, outermost first.
    const below = mountPoints.filter((p) => isUnder(p, dir));
    for (const point of below.filter((p) => !below.some((q) => isUnder(p, q))).sort()) {
      run(`${tools.mount} --rbind -- ${quote(point)} ${quote(join(merged, point.slice(dir.length)))}`, `cannot bind ${point} into the overlay of ${dir}`);
    }
    if (!rootOverlay) run(`${tools.mount} --move ${quote(merged)} ${quote(dir)}`, `cannot move the overlay onto ${dir}`);
  });

  const order = all.map((m, i) => ({ m, i })).sort((a, b) => depth(a.m.final) - depth(b.m.final));
  for (const { m, i } of order) {
    const target = inRoot(m.final);
    if (m.directory) lines.push(`[ -d ${quote(target)} ] || mkdir -p ${quote(target)} || fail ${quote(`cannot create the mount point ${m.target}`)}`);
    else lines.push(`[ -e ${quote(target)} ] || { mkdir -p "$(dirname ${quote(target)})" && : > ${quote(target)}; } || fail ${quote(`cannot create the mount point ${m.target}`)}`);
    run(`${tools.mount} --move ${quote(join(stage, `v${i}`))} ${quote(target)}`, `cannot mount ${m.source} at ${m.target}`);
  }
  // Read-only last, so mount points inside a read-only volume could still be made.
  for (const { m } of order) if (m.readOnly) run(`${tools.mount} -o remount,bind,ro ${quote(inRoot(m.final))}`, `cannot make ${m.target} read-only`);
  // The staging tmpfs is empty now (its mounts moved out) except the overlays' layers, which stay referenced.
  // (Under a root overlay it holds the new root itself and stays.)
  if (!root) lines.push(`${tools.umount} -l ${quote(stage)} 2>/dev/null`);
  // Tell the runtime the namespace is ready (fd 3), so exec probes never see it half made.
  lines.push('{ echo ready >&3; exec 3>&-; } 2>/dev/null');
  if (root) lines.push(`exec ${tools.chroot} ${quote(root)} /bin/sh -c 'cd "$0" || exit 128; exec "$@"' "$PWD" "$@"`);
  else lines.push('exec "$@"');
  return { script: lines.join('\n'), root, overlays };
}
