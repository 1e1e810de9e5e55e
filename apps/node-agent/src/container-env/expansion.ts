// Kubernetes' `$(VAR)` expansion (third_party/forked/golang/expansion), byte for byte:
// `$$` is an escaped `$`, `$(NAME)` is replaced when NAME is known and left as
// written otherwise, an unclosed `$(` is kept literally.

/** Expands `$(NAME)` references in `input` using `lookup`; unknown names stay as `$(NAME)`. */
export function expandVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const { text, advance } = readReference(input.slice(cursor + 1), lookup);
    out += text;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

function readReference(rest: string, lookup: (name: string) => string | undefined): { text: string; advance: number } {
  if (rest[0] === '$') return { text: '$', advance: 1 };
  if (rest[0] === '(') {
    const close = rest.indexOf(')', 1);
    if (close === -1) return { text: '$(', advance: 1 };
    const name = rest.slice(1, close);
    return { text: lookup(name) ?? `$(${name})`, advance: close + 1 };
  }
  return { text: `$${rest[0]}`, advance: 1 };
}

/** A container's command and args with `$(VAR)` references to its final environment expanded. */
export function expandCommandAndArgs(container: { command?: string[] | null; args?: string[] | null }, env: Record<string, string>): { command: string[]; args: string[] } {
  const lookup = (name: string) => (Object.hasOwn(env, name) ? env[name] : undefined);
  return {
    command: (container.command ?? []).map((part) => expandVars(part, lookup)),
    args: (container.args ?? []).map((part) => expandVars(part, lookup)),
  };
}
