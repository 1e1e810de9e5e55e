import pg from 'pg';

// The schema engine introspects pg_catalog columns of the one-byte `"char"` type
// (relkind, contype, ...). @prisma/adapter-pg rejects that type as unsupported, which
// breaks every diff against a database; its text form is a plain string, so we
// report it as `text` before the adapter looks at the column types.
const CHAR_OID = 18;
const TEXT_OID = 25;

function relabel<T>(result: T): T {
  // A multi-statement query resolves to an array of results.
  for (const one of Array.isArray(result) ? result : [result]) {
    const fields = (one as Partial<pg.QueryResult> | undefined)?.fields ?? [];
    for (const field of fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

type Callback = (error: Error | null, result: unknown) => void;

/** A pg.Client (for `new pg.Pool({ Client })`) whose results never carry `"char"` columns. */
export class CharAsTextClient extends pg.Client {
  // pg.Pool calls the callback form, the adapter's transactions the promise form.
  // biome-ignore lint/suspicious/noExplicitAny: an override of pg's overloaded query() must return what every overload returns (a Promise, void or a Submittable); only any is all three.
  override query(...args: unknown[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as Callback;
      args[args.length - 1] = (error: Error | null, result: unknown) => callback(error, result && relabel(result));
    }
    const pending: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending instanceof Promise ? pending.then(relabel) : pending;
  }
}
