import { coerceInputValue, isInputType, type GraphQLSchema } from 'graphql';
import { ApiError, type KindInfo } from '@wheelhouse/resources';
import { formatPath } from '../../errors/field-path.js';

/**
 * Checks JSON (a manifest document, a merge patch) against a kind's GraphQL input type,
 * so apply and patch reject unknown fields and wrong types exactly as the typed
 * mutations do, naming the field path (Kubernetes' strict validation).
 */
export class InputChecker {
  constructor(private readonly schema: GraphQLSchema) {}

  check(kind: KindInfo, value: Record<string, unknown>, describe: (field: string) => string = (f) => f): void {
    const type = this.schema.getType(`${kind.kind}Input`);
    if (!type || !isInputType(type)) throw new Error(`no input type for ${kind.kind}`);
    // A merge patch may leave out metadata, which the input type requires.
    coerceInputValue({ metadata: {}, ...value }, type, (path, _invalid, error) => {
      const unknown = /Field "([^"]+)" is not defined/.exec(error.message)?.[1];
      const field = formatPath([...path, ...(unknown ? [unknown] : [])]);
      const message = unknown ? `unknown field "${unknown}"` : error.message;
      throw new ApiError('BAD_USER_INPUT', `${describe(field)}: ${message}`, field);
    });
  }
}
