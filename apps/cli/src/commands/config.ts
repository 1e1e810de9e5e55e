/** wh config set-context|use-context|get-contexts|current-context */
import { str, type ParsedArgs } from '../args.js';
import { out, type Command } from '../command.js';
import { configPath, loadConfig, saveConfig, type Context } from '../config.js';
import { CliError, UsageError } from '../errors.js';
import { formatTable } from '../print/table.js';

const USAGE =
  'Usage: wh config set-context NAME [--server URL] [--token TOKEN] [--certificate-authority FILE] [--namespace NS] | use-context NAME | get-contexts | current-context';

export const configCommand: Command = {
  name: 'config',
  summary: 'Manage contexts in ~/.wheelhouse/config',
  usage: USAGE,
  flags: [
    { name: 'server', value: true },
    { name: 'token', value: true },
  ],
  async run(args: ParsedArgs) {
    const [sub, name, ...rest] = args.positionals;
    const path = configPath();
    const config = loadConfig(path);
    switch (sub) {
      case 'set-context': {
        if (!name || rest.length) throw new UsageError('set-context takes exactly one NAME', USAGE);
        const existing = config.contexts.find((c) => c.name === name);
        const next: Context = { ...existing, name };
        // Only the flags given change an existing context, as with kubectl.
        for (const key of ['server', 'token', 'namespace', 'certificate-authority'] as const) {
          const v = str(args, key);
          if (v !== undefined) next[key] = v;
        }
        config.contexts = existing ? config.contexts.map((c) => (c === existing ? next : c)) : [...config.contexts, next];
        saveConfig(config, path);
        out(`Context "${name}" ${existing ? 'modified' : 'created'}.`);
        return;
      }
      case 'use-context': {
        if (!name) throw new UsageError('use-context takes a NAME', USAGE);
        if (!config.contexts.some((c) => c.name === name)) throw new CliError(`no context exists with the name: "${name}"`);
        config['current-context'] = name;
        saveConfig(config, path);
        out(`Switched to context "${name}".`);
        return;
      }
      case 'get-contexts': {
        const rows = config.contexts
          .filter((c) => !name || c.name === name)
          .map((c) => [c.name === config['current-context'] ? '*' : '', c.name, c.server ?? '', c.namespace ?? '']);
        if (name && rows.length === 0) throw new CliError(`context ${name} not found`);
        out(formatTable(['CURRENT', 'NAME', 'SERVER', 'NAMESPACE'], rows));
        return;
      }
      case 'current-context': {
        if (!config['current-context']) throw new CliError('current-context is not set');
        out(config['current-context']);
        return;
      }
      default:
        throw new UsageError(sub ? `unknown config subcommand "${sub}"` : 'config needs a subcommand', USAGE);
    }
  },
};
