import { ApiError } from '@wheelhouse/resources';

/** Where the next page starts: the list's revision and the last key served (keyset paging). */
export interface ContinueToken {
  resourceVersion: string;
  namespace: string;
  name: string;
}

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify([token.resourceVersion, token.namespace, token.name])).toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  try {
    const [resourceVersion, namespace, name] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof resourceVersion === 'string' && /^\d+$/.test(resourceVersion) && typeof namespace === 'string' && typeof name === 'string') {
      return { resourceVersion, namespace, name };
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError('BAD_USER_INPUT', 'continue: Invalid value: the continue token is not valid', 'continue');
}
