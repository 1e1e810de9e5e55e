import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApiError } from '@wheelhouse/resources';
import { fieldPathFromVariableError } from './field-path.js';

/**
 * Every error leaves with an `extensions.code` of API.md and never with a stack trace;
 * unexpected errors are logged here and reported as INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = console.error): GraphQLFormattedError {
  const shown = formatUntruncated(formatted, error, log);
  return { ...shown, message: truncate(shown.message), ...(shown.extensions ? { extensions: truncateExtensions(shown.extensions) } : {}) };
}

/** Longest message (and field path) an error carries: a 1 MB name is never echoed back whole. */
export const MAX_MESSAGE_LENGTH = 1024;

function truncate(text: string, max = MAX_MESSAGE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function truncateExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  const out = { ...extensions };
  if (typeof out.field === 'string') out.field = truncate(out.field, 256);
  if (Array.isArray(out.causes)) {
    out.causes = out.causes.slice(0, 20).map((c: { field?: unknown; message?: unknown }) => ({
      field: typeof c.field === 'string' ? truncate(c.field, 256) : c.field,
      message: typeof c.message === 'string' ? truncate(c.message, 256) : c.message,
    }));
  }
  return out;
}

function formatUntruncated(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ApiError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: original.extensions };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
    const field = fieldPathFromVariableError(formatted.message);
    const reason = typeof formatted.extensions?.reason === 'string' ? formatted.extensions.reason : code;
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}), reason } };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'TOO_MANY_REQUESTS' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE') {
    return { message: formatted.message, extensions: { code } };
  }
  log(original);
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
