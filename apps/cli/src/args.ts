/** A hand-written flag parser: kubectl-style `-n ns`, `--namespace=ns`, `-A`, `--`. */
import { UsageError } from './errors.js';

export interface FlagSpec {
  /** Canonical name, used as the key in `flags`. */
  name: string;
  short?: string;
  /** Takes a value (`--x v`, `--x=v`); otherwise boolean. */
  value?: boolean;
  /** May repeat; values collect into an array. */
  multiple?: boolean;
  /** A boolean flag that may also take `=value` (e.g. `--dry-run=client`). */
  optionalValue?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[]>;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'context', value: true },
  { name: 'server', short: 's', value: true },
  { name: 'token', value: true },
  { name: 'certificate-authority', value: true },
  { name: 'namespace', short: 'n', value: true },
  { name: 'all-namespaces', short: 'A' },
  { name: 'help', short: 'h' },
];

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const all = [...GLOBAL_FLAGS, ...specs];
  const byLong = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedArgs = { positionals: [], flags: {} };
  const set = (spec: FlagSpec, v: string | boolean) => {
    if (spec.multiple) out.flags[spec.name] = [...((out.flags[spec.name] as string[] | undefined) ?? []), String(v)];
    else out.flags[spec.name] = v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone `-` is a value (stdin), not a flag.
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const body = arg.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    let key = eq >= 0 ? body.slice(0, eq) : body;
    let inline = eq >= 0 ? body.slice(eq + 1) : undefined;
    // `-nfoo` is `-n foo`, as in kubectl (pflag).
    if (!long && inline === undefined && key.length > 1) {
      inline = key.slice(1);
      key = key[0]!;
    }
    const spec = long ? byLong.get(key) : byShort.get(key);
    if (!spec) throw new UsageError(`unknown flag: ${long ? '--' : '-'}${key}`);
    if (spec.value) {
      if (inline !== undefined) set(spec, inline);
      else if (i + 1 < argv.length) set(spec, argv[++i]!);
      else throw new UsageError(`flag needs an argument: ${arg}`);
    } else if (inline !== undefined) {
      if (spec.optionalValue) set(spec, inline);
      else if (inline === 'true' || inline === 'false') set(spec, inline === 'true');
      else if (!long && [...inline].every((c) => byShort.get(c) && !byShort.get(c)!.value)) {
        // `-it` is `-i -t` (pflag's combined boolean shorthands).
        set(spec, true);
        for (const c of inline) set(byShort.get(c)!, true);
      } else if (!long) throw new UsageError(`unknown shorthand flag: '${inline[0]}' in ${arg}`);
      else throw new UsageError(`invalid argument "${inline}" for "--${key}"`);
    } else set(spec, true);
  }
  return out;
}

export const str = (a: ParsedArgs, name: string): string | undefined => {
  const v = a.flags[name];
  return typeof v === 'string' ? v : undefined;
};
export const bool = (a: ParsedArgs, name: string): boolean => a.flags[name] === true || a.flags[name] === 'true';
export const list = (a: ParsedArgs, name: string): string[] => {
  const v = a.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

/** An integer flag, or undefined; anything else is a usage error. */
export function int(a: ParsedArgs, name: string): number | undefined {
  const v = str(a, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw new UsageError(`invalid argument "${v}" for "--${name}": not an integer`);
  return Number(v);
}

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 };

/** A kubectl duration (`90`, `30s`, `5m`, `1h`) in seconds, or undefined when absent. */
export function durationSeconds(a: ParsedArgs, name: string): number | undefined {
  const v = str(a, name);
  if (v === undefined) return undefined;
  const match = /^(\d+)(s|m|h)?$/.exec(v);
  if (!match) throw new UsageError(`invalid argument "${v}" for "--${name}": expected a duration such as 30s, 5m or 1h`);
  return Number(match[1]) * UNITS[match[2] ?? '']!;
}
