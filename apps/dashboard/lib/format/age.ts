/** kubectl's human duration (`5s`, `3m20s`, `2h`, `4d`), from a timestamp to `now`. */
export function age(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const seconds = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  return humanDuration(seconds);
}

export function humanDuration(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 ? `${minutes}m${seconds % 60}s` : `${minutes}m`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 ? `${hours}h${minutes % 60}m` : `${hours}h`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 8) return hours % 24 ? `${days}d${hours % 24}h` : `${days}d`;
  if (days < 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  return days % 365 ? `${years}y${days % 365}d` : `${years}y`;
}

/** Milliseconds since the timestamp, for sorting by age (absent sorts as newest). */
export function ageMs(timestamp: string | null | undefined, now: number): number {
  return timestamp ? now - Date.parse(timestamp) : 0;
}
