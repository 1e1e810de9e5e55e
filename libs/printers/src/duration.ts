/**
 * apimachinery's duration.HumanDuration: the AGE column and every "ago" kubectl prints.
 * Go truncates toward zero (`int(d.Seconds())`), so up to 2 s in the future still reads `0s`
 * (clock skew between machines), and anything further is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    return days === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Milliseconds since a timestamp; undefined when absent or unparsable. */
export function elapsedMs(timestamp: string | null | undefined, now: number): number | undefined {
  if (!timestamp) return undefined;
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? undefined : now - t;
}

/** kubectl's translateTimestampSince: the age of a timestamp, `<unknown>` when it is unset. */
export function age(timestamp: string | null | undefined, now: number): string {
  const ms = elapsedMs(timestamp, now);
  return ms === undefined ? '<unknown>' : humanDuration(ms);
}
