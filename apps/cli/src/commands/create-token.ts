/** `wh create token SA [--audience=AUD...] [--duration=1h] [--bound-object-name=POD]`: kubectl create token (TokenRequest). */
import { requestServiceAccountToken } from '@wheelhouse/client';
import { list, str, type ParsedArgs } from '../args.js';
import { out, withSession } from '../command.js';
import { UsageError } from '../errors.js';
import { parseDurationSeconds } from '../generators/rbac.js';
import { Session } from '../session.js';

export const CREATE_TOKEN_USAGE = '       wh create token SERVICEACCOUNT [--audience=AUD...] [--duration=1h] [--bound-object-name=POD]';

export async function runCreateToken(args: ParsedArgs): Promise<number> {
  const [, ...names] = args.positionals;
  if (names.length !== 1) throw new UsageError(`exactly one SERVICEACCOUNT is required, got ${names.length}`);
  const duration = str(args, 'duration');
  const seconds = duration === undefined ? undefined : parseDurationSeconds(duration);
  if (seconds !== undefined && seconds < 0) throw new UsageError('--duration must be greater than or equal to 0');
  const session = new Session(args);
  return withSession(session, async () => {
    const issued = await requestServiceAccountToken(session.client, {
      namespace: session.namespace,
      serviceAccountName: names[0]!,
      audiences: list(args, 'audience').length ? list(args, 'audience') : undefined,
      // 0 means the server's default, as in kubectl.
      expirationSeconds: seconds ? seconds : undefined,
      boundPodName: str(args, 'bound-object-name'),
    });
    out(issued.token);
    return 0;
  });
}
