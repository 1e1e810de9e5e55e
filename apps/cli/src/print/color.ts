/** ANSI colour, only for a terminal: piped output stays plain for scripts and tests. */
type Stream = { isTTY?: boolean };

const enabled = (stream: Stream) => Boolean(stream.isTTY) && !process.env.NO_COLOR;
const wrap =
  (code: number) =>
  (s: string, stream: Stream = process.stdout) =>
    enabled(stream) ? `\x1b[${code}m${s}\x1b[0m` : s;

export const red = wrap(31);
export const green = wrap(32);
