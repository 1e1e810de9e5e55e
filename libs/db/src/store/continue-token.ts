import { ApiError } from '@wheelhouse/resources';

/** Where the next page starts: the list's revision and the last key served (keyset paging). */
export interface ContinueToken {
  resourceVersion: string;
  namespace: string;
  name: string;
}

const MAX_REVISION = 2n ** 63n - 1n;

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify([token.resourceVersion, token.namespace, token.name])).toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  try {
    const [resourceVersion, namespace, name] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    // A revision is a PostgreSQL bigint: a forged token with more digits would fail in SQL, not here.
    if (
      typeof resourceVersion === 'string' &&
      /^\d{1,19}$/.test(resourceVersion) &&
      BigInt(resourceVersion) <= MAX_REVISION &&
      typeof namespace === 'string' &&
      typeof name === 'string'
    ) {
      return { resourceVersion, namespace, name };
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError('BAD_USER_INPUT', 'continue: Invalid value: the continue token is not valid', 'continue');
}
