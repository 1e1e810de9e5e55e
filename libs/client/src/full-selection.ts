import type { WheelhouseClient } from './client.js';

interface IntrospectedType {
  name: string;
  kind: string;
  fields: { name: string; type: TypeRef }[] | null;
}
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

const INTROSPECT_TYPES = `query WheelhouseTypes { __schema { types { name kind fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`;

/**
 * The selection set of every field of an output type, nested all the way down
 * (`metadata { name … } spec { containers { name image … } … }`), built from the
 * server's schema. Controllers copy whole objects (a pod template into pods) and must
 * not drop a field they did not think to select.
 */
export class FullSelections {
  private types: Map<string, IntrospectedType> | undefined;
  private readonly cache = new Map<string, string>();

  constructor(private readonly client: WheelhouseClient) {}

  async of(typeName: string): Promise<string> {
    const cached = this.cache.get(typeName);
    if (cached) return cached;
    this.types ??= await this.load();
    const selection = this.build(typeName, new Set());
    this.cache.set(typeName, selection);
    return selection;
  }

  private async load(): Promise<Map<string, IntrospectedType>> {
    const data = await this.client.request<{ __schema: { types: IntrospectedType[] } }>(INTROSPECT_TYPES);
    return new Map(data.__schema.types.map((t) => [t.name, t]));
  }

  private build(typeName: string, path: Set<string>): string {
    const type = this.types!.get(typeName);
    if (!type?.fields) throw new Error(`unknown object type ${typeName}`);
    const parts: string[] = [];
    for (const field of type.fields) {
      const named = namedType(field.type);
      const target = this.types!.get(named);
      if (target?.kind === 'OBJECT') {
        if (path.has(named)) continue; // no recursive types today; never loop if one appears
        parts.push(`${field.name} { ${this.build(named, new Set([...path, named]))} }`);
      } else parts.push(field.name);
    }
    return parts.join(' ');
  }
}

function namedType(ref: TypeRef): string {
  let current: TypeRef | null = ref;
  while (current && !current.name) current = current.ofType;
  return current?.name ?? '';
}
