// A probe's or hook's port: a number, or the name of one of the container's ports
// (probe.ResolveContainerPort).

/** An absent port is port 0, which is no valid port (the API requires one). */
export function resolvePort(port: number | string | undefined, ports: { name?: string; containerPort: number }[]): number {
  if (port === undefined) return resolvePort(0, ports);
  if (typeof port === 'number') {
    if (port > 0 && port < 65536) return port;
    throw new Error(`invalid port number: ${port}`);
  }
  if (/^[0-9]+$/.test(port)) return resolvePort(Number(port), ports);
  const found = ports.find((p) => p.name === port);
  if (found) return found.containerPort;
  const list = ports.map((p) => `{${p.name ?? ''} 0 ${p.containerPort} TCP  }`).join(' ');
  throw new Error(`couldn't find port: ${port} in [${list}]`);
}
