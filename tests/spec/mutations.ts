// Schema-guided mutations of a valid document, each of which the schema must reject: a required
// field removed, a field given a value of another JSON type, a pinned boolean flipped.
type Json = Record<string, unknown>;

export interface Mutation {
  label: string;
  value: unknown;
}

const SAMPLES: [string, unknown][] = [
  ['null', null],
  ['boolean', true],
  ['integer', 7],
  ['number', 1.5],
  ['string', 'x'],
  ['array', []],
  ['object', {}],
];

function allowedTypes(schema: Json): Set<string> | undefined {
  if ('const' in schema) return new Set([schema.const === null ? 'null' : typeof schema.const === 'number' ? (Number.isInteger(schema.const) ? 'integer' : 'number') : typeof schema.const]);
  const t = schema.type;
  if (t === undefined) return undefined;
  const types = new Set(Array.isArray(t) ? (t as string[]) : [t as string]);
  if (types.has('number')) types.add('integer');
  return types;
}

/** Fields whose removal breaks the schema: `required`, plus a field that alone satisfies an anyOf of requireds. */
function requiredFields(schema: Json, value: Json): string[] {
  const req = new Set((schema.required ?? []) as string[]);
  const branches = ((schema.anyOf ?? []) as Json[]).map((b) => (b.required ?? []) as string[]).filter((r) => r.length > 0);
  const satisfied = branches.filter((r) => r.every((f) => f in value));
  if (satisfied.length === 1) for (const f of satisfied[0]) req.add(f);
  return [...req].filter((f) => f in value);
}

function withAt(root: unknown, path: string[], replace: (parent: Json, key: string) => void): unknown {
  const copy = structuredClone(root) as Json;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  replace(node, path[path.length - 1]);
  return copy;
}

export function mutations(root: unknown, rootSchema: Json): Mutation[] {
  const out: Mutation[] = [];
  const walk = (schema: Json, value: unknown, path: string[]) => {
    if (path.length > 0) {
      const allowed = allowedTypes(schema);
      if (allowed) {
        for (const [type, sample] of SAMPLES) {
          if (allowed.has(type) || (type === 'integer' && allowed.has('number'))) continue;
          out.push({ label: `${path.join('.')} as ${type}`, value: withAt(root, path, (p, k) => (p[k] = sample)) });
        }
      }
      if (typeof schema.const === 'boolean') {
        out.push({ label: `${path.join('.')} flipped`, value: withAt(root, path, (p, k) => (p[k] = !schema.const)) });
      }
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const field of requiredFields(schema, value as Json)) {
      out.push({ label: `without ${[...path, field].join('.')}`, value: withAt(root, [...path, field], (p, k) => delete p[k]) });
    }
    const props = (schema.properties ?? {}) as Record<string, Json>;
    for (const [field, child] of Object.entries(value as Json)) {
      if (props[field]) walk(props[field], child, [...path, field]);
    }
  };
  walk(rootSchema, root, []);
  return out;
}
