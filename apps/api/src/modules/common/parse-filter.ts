import { parseSelector, parseFieldSelector, checkFieldsSupported, SelectorParseError } from '@wheelhouse/selectors';
import { ApiError, type KindInfo } from '@wheelhouse/resources';
import type { ObjectFilter } from '@wheelhouse/db';

/** Parses the selector arguments of a list or watch; a bad selector is BAD_USER_INPUT naming the argument. */
export function parseFilter(kind: KindInfo, args: { namespace?: string | null; labelSelector?: string | null; fieldSelector?: string | null }): ObjectFilter {
  const filter: ObjectFilter = {};
  if (kind.namespaced && args.namespace) filter.namespace = args.namespace;
  if (args.labelSelector) filter.labelSelector = parse('labelSelector', () => parseSelector(args.labelSelector!));
  if (args.fieldSelector) {
    filter.fieldSelector = parse('fieldSelector', () => {
      const selector = parseFieldSelector(args.fieldSelector!);
      checkFieldsSupported(selector, ['metadata.name', 'metadata.namespace', ...Object.keys(kind.fieldColumns)]);
      return selector;
    });
  }
  return filter;
}

function parse<T>(argument: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SelectorParseError) throw new ApiError('BAD_USER_INPUT', `${argument}: Invalid value: ${error.message}`, argument);
    throw error;
  }
}
