/** wh version: this client's version, and whether the server answers. */
import { readFileSync } from 'node:fs';
import { bool, type ParsedArgs } from '../args.js';
import { out, withSession, type Command } from '../command.js';
import { Session } from '../session.js';

function clientVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `v${pkg.version}`;
}

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the client version and the server it talks to',
  usage: 'Usage: wh version [--client]',
  flags: [{ name: 'client' }],
  async run(args: ParsedArgs) {
    out(`Client Version: ${clientVersion()}`);
    if (bool(args, 'client')) return;
    const session = new Session(args);
    return withSession(session, async () => {
      // The API has no version field; a trivial query proves it answers and the token works.
      await session.client.request<{ __typename: string }>('query Ping { __typename }');
      out(`Server: ${session.server} (reachable)`);
    });
  },
};
