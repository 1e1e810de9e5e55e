/** Which TLS Secret serves a server name: an exact host before a one-label wildcard (`*.foo.com`). */
export function secretForServerName(byHost: ReadonlyMap<string, string>, serverName: string): string | undefined {
  const name = serverName.toLowerCase();
  const exact = byHost.get(name);
  if (exact) return exact;
  const dot = name.indexOf('.');
  return dot > 0 ? byHost.get(`*${name.slice(dot)}`) : undefined;
}
