/**
 * wh exec [-i] [-t] POD [-c CONTAINER] -- COMMAND [ARGS...]: runs a command in a running
 * container of a process-runtime pod, streamed over the API (channel.k8s.io framing) with
 * the caller's credentials, as kubectl exec. Exits with the command's exit code.
 */
import { Channel, EXEC_SUBPROTOCOL, exitCodeOf, frame, WheelhouseError, type ExecStatus } from '@wheelhouse/client';
import WebSocket from 'ws';
import { bool, str, type ParsedArgs } from '../args.js';
import { err, withSession, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { Session } from '../session.js';

export const execCommand: Command = {
  name: 'exec',
  summary: 'Execute a command in a container',
  usage: 'Usage: wh exec [-i] [-t] POD [-c CONTAINER] -- COMMAND [ARGS...]',
  flags: [
    { name: 'stdin', short: 'i' },
    { name: 'tty', short: 't' },
    { name: 'container', short: 'c', value: true },
  ],
  async run(args: ParsedArgs) {
    const [target, ...command] = args.positionals;
    if (!target) throw new UsageError('POD is required for exec', this.usage);
    if (command.length === 0) throw new UsageError('you must specify at least one command for the container', this.usage);
    const name = target.startsWith('pod/') || target.startsWith('pods/') || target.startsWith('po/') ? target.slice(target.indexOf('/') + 1) : target;
    if (name.includes('/')) throw new UsageError(`exec takes a pod name (or pod/NAME), not ${target}`);
    const stdin = bool(args, 'stdin');
    let tty = bool(args, 'tty');
    if (tty && !(stdin && process.stdin.isTTY)) {
      err('Unable to use a TTY - input is not a terminal or the right kind of file');
      tty = false;
    }
    const session = new Session(args);
    return withSession(session, async () => {
      const url = new URL(session.server);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.pathname = `/api/v1/namespaces/${encodeURIComponent(session.namespace)}/pods/${encodeURIComponent(name)}/exec`;
      for (const word of command) url.searchParams.append('command', word);
      const container = str(args, 'container');
      if (container) url.searchParams.set('container', container);
      if (stdin) url.searchParams.set('stdin', '1');
      if (tty) {
        url.searchParams.set('tty', '1');
        url.searchParams.set('columns', String(process.stdout.columns ?? 80));
        url.searchParams.set('rows', String(process.stdout.rows ?? 24));
      }
      const status = await stream(url, session, stdin, tty);
      const code = exitCodeOf(status);
      if (status.reason === 'NonZeroExitCode') err(`command terminated with exit code ${code}`);
      else if (status.status === 'Failure') err(`error: ${status.message ?? status.reason ?? 'exec failed'}`);
      return code;
    });
  },
};

function stream(url: URL, session: Session, stdin: boolean, tty: boolean): Promise<ExecStatus> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, EXEC_SUBPROTOCOL, { headers: session.token ? { authorization: `Bearer ${session.token}` } : {}, ...(session.ca ? { ca: session.ca } : {}) });
    let status: ExecStatus = { status: 'Failure', reason: 'InternalError', message: 'the connection closed before the command finished' };
    const restore = () => {
      if (tty) process.stdin.setRawMode(false);
      process.stdin.pause();
    };
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => {
        const parsed = (() => {
          try {
            return JSON.parse(body) as { reason?: string; message?: string };
          } catch {
            return { message: body.trim() || `the server answered ${res.statusCode}` };
          }
        })();
        reject(new WheelhouseError(parsed.reason ?? 'UNAVAILABLE', parsed.message ?? `the server answered ${res.statusCode}`, { httpStatus: res.statusCode }));
      });
    });
    ws.on('error', (error) => reject(new WheelhouseError('UNAVAILABLE', error.message)));
    ws.on('open', () => {
      if (!stdin) return;
      if (tty) process.stdin.setRawMode(true);
      process.stdin.on('data', (d: Buffer) => ws.readyState === ws.OPEN && ws.send(frame(Channel.stdin, d)));
      process.stdin.on('end', () => ws.readyState === ws.OPEN && ws.send(Buffer.from([Channel.close, Channel.stdin])));
      process.stdin.resume();
    });
    ws.on('message', (data: Buffer) => {
      const body = data.subarray(1);
      if (data[0] === Channel.stdout) process.stdout.write(body);
      else if (data[0] === Channel.stderr) process.stderr.write(body);
      else if (data[0] === Channel.status) status = JSON.parse(body.toString('utf8')) as ExecStatus;
    });
    ws.on('close', () => {
      restore();
      resolve(status);
    });
  });
}
