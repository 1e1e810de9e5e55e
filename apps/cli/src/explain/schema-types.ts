/** The slice of GraphQL introspection `wh explain` reads: object types, their fields and descriptions. */

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

export interface SchemaField {
  name: string;
  description: string | null;
  type: TypeRef;
}

export interface SchemaType {
  name: string;
  kind: string;
  description: string | null;
  fields: SchemaField[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

/** One request for every type: the schema is what kubectl's OpenAPI document is to kubectl explain. */
export const SCHEMA_TYPES_QUERY = `query ExplainSchema { __schema { types { name kind description fields { name description type { ${TYPE_REF} } } } } }`;

/** The named type under lists and non-nulls. */
export function namedType(ref: TypeRef): TypeRef {
  let at = ref;
  while (at.ofType) at = at.ofType;
  return at;
}

// GraphQL scalars shown with the names Kubernetes' OpenAPI uses.
const SCALAR_NAMES: Record<string, string> = {
  String: 'string',
  ID: 'string',
  Int: 'integer',
  Float: 'number',
  Boolean: 'boolean',
  StringMap: 'map[string]string',
  JSONObject: 'Object',
  JSON: 'Object',
};

/** kubectl's notation: `[]Container`, `map[string]string`, `integer`. */
export function typeLabel(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL' && ref.ofType) return typeLabel(ref.ofType);
  if (ref.kind === 'LIST' && ref.ofType) return `[]${typeLabel(ref.ofType)}`;
  return SCALAR_NAMES[ref.name ?? ''] ?? ref.name ?? 'Object';
}
