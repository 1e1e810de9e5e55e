/** kubectl's `-o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName`. */
import { UsageError } from '../errors.js';
import type { Columns } from './columns.js';
import { compilePath, printValue } from './jsonpath.js';

export function parseCustomColumns(spec: string): Columns {
  if (spec.trim() === '') throw new UsageError('custom-columns format specified but no custom columns given');
  const columns = spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon <= 0 || colon === part.length - 1) throw new UsageError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), values: compilePath(part.slice(colon + 1)) };
  });
  return {
    headers: columns.map((c) => c.header),
    // Several values join with a comma; none is <none>, as kubectl prints.
    row: (o) =>
      columns.map((c) => {
        const values = c.values(o);
        return values.length ? values.map(printValue).join(',') : '<none>';
      }),
  };
}
