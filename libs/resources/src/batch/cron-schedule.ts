// CronJob schedules as Kubernetes reads them (robfig/cron v3 ParseStandard): five fields or
// a descriptor. Matching times come from croner; this module adds robfig's rules croner
// does not share: `a/n` steps (a to the field's end), `?` for `*`, weekday 7 refused,
// `@every <duration>`, and robfig's DST behaviour (a skipped wall time does not run, an
// ambiguous one runs at both offsets).
import { Cron } from 'croner';

export interface CronSchedule {
  /** The first activation strictly after `from`, or null for never. */
  next(from: Date): Date | null;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
/** Field maxima: minute, hour, day of month, month, day of week (0-6, Sunday 0). */
const FIELD_MAX = [59, 23, 31, 12, 6];

/** Parses a schedule; throws an Error with robfig's kind of message when it is not one. */
export function parseCronSchedule(schedule: string, timeZone = 'UTC'): CronSchedule {
  const spec = schedule.trim();
  if (spec === '') throw new Error('empty spec string');
  if (spec.startsWith('@every ')) return everySchedule(spec.slice('@every '.length));
  if (spec.startsWith('@')) {
    const fields = DESCRIPTORS[spec.toLowerCase()];
    if (!fields) throw new Error(`unrecognized descriptor: ${spec}`);
    return fieldSchedule(fields, timeZone);
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  return fieldSchedule(fields.map(normaliseField).join(' '), timeZone);
}

/** robfig reads `a/n` as `a-max/n` and `?` as `*`; croner wants them spelled out. */
function normaliseField(field: string, position: number): string {
  return field
    .split(',')
    .map((part) => {
      if (part === '?') return '*';
      const [range, step] = part.split('/');
      if (position === 4 && !part.includes('*') && rangeMentions7(range ?? '')) throw new Error(`end of range (7) above maximum (6): ${part}`);
      if (step === undefined || range === undefined || range === '*' || range.includes('-')) return part;
      return `${range}-${FIELD_MAX[position]}/${step}`;
    })
    .join(',');
}

const rangeMentions7 = (range: string) => range.split('-').some((v) => v === '7');

function fieldSchedule(fields: string, timeZone: string): CronSchedule {
  let cron: Cron;
  try {
    cron = new Cron(fields, { paused: true, timezone: timeZone, legacyMode: true });
  } catch (error) {
    throw new Error((error as Error).message.replace(/^CronPattern: /, ''));
  }
  const wall = wallClock(timeZone);
  return {
    next(from: Date): Date | null {
      // croner moves a time inside a spring-forward gap to the gap's end; robfig skips it.
      let cursor = from;
      let candidate: Date | null = null;
      for (let i = 0; i < 1000; i++) {
        candidate = cron.nextRun(cursor);
        if (candidate === null || cron.match(candidate)) break;
        cursor = candidate;
      }
      if (candidate === null) return null;
      // An ambiguous fall-back wall time runs again at the later offset (robfig): croner gives only the first.
      const hourEarlier = cron.nextRun(new Date(from.getTime() - 3_600_000));
      if (hourEarlier) {
        const repeat = new Date(hourEarlier.getTime() + 3_600_000);
        if (repeat > from && repeat < candidate && wall(repeat) === wall(hourEarlier)) return repeat;
      }
      return candidate;
    },
  };
}

/** The wall-clock reading of an instant in a zone, to the minute. */
function wallClock(timeZone: string): (d: Date) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (d) => format.format(d);
}

/** `@every 1h30m`: a constant delay (Go duration, whole seconds, at least 1 s) from the previous run. */
function everySchedule(text: string): CronSchedule {
  const ms = parseGoDuration(text);
  if (ms === undefined) throw new Error(`failed to parse duration @every ${text}`);
  const delay = Math.max(1000, Math.floor(ms / 1000) * 1000);
  return { next: (from) => new Date(Math.floor(from.getTime() / 1000) * 1000 + delay) };
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function parseGoDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0);
}
