// Every URL the launcher hands out or polls, built in one place.

export interface PostgresUrlParts {
  user: string;
  password: string;
  host: string;
  port: number;
  database: string;
}

export function postgresUrl(p: PostgresUrlParts): string {
  const auth = `${encodeURIComponent(p.user)}:${encodeURIComponent(p.password)}`;
  return `postgresql://${auth}@${p.host}:${p.port}/${encodeURIComponent(p.database)}`;
}

/** The API's base URL as seen from this machine (components always talk to it locally; 127.0.0.1 is in the certificate). */
export function apiBaseUrl(port: number, tls = false): string {
  return `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
}

/** What non-API components get as `WHEELHOUSE_SERVER`. */
export function graphqlUrl(apiBase: string): string {
  return `${apiBase}/graphql`;
}

export function healthzUrl(apiBase: string): string {
  return `${apiBase}/healthz`;
}

/** The URL with its password replaced, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
