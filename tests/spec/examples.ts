// The documents' examples as the spec carries them, each with the validator that must accept it.
import { loadSpec } from '../../generators/spec-source.ts';
import { HTTP_METHODS } from '../../generators/operation-catalogue.ts';

type Json = Record<string, unknown>;

export interface SpecExample {
  operationId: string;
  kind: 'request' | 'response' | 'error';
  name: string;
  validator: string;
  value: unknown;
  /** The dereferenced schema the example is documented under. */
  schema: Json;
}

function examplesOf(content: Json | undefined): [string, unknown, Json][] {
  const media = (content?.['application/json'] ?? {}) as Json;
  return Object.entries((media.examples ?? {}) as Record<string, Json>).map(([n, e]) => [n, e.value, media.schema as Json]);
}

export async function specExamples(): Promise<SpecExample[]> {
  const spec = await loadSpec(new URL('../../families/skm/spec/openapi.yaml', import.meta.url).pathname);
  const out: SpecExample[] = [];
  for (const item of Object.values(spec.dereferenced.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const id = op.operationId as string;
      const body = op.requestBody as Json | undefined;
      for (const [name, value, schema] of examplesOf(body?.content as Json)) out.push({ operationId: id, kind: 'request', name, validator: `${id}_request`, value, schema });
      const responses = op.responses as Record<string, Json>;
      for (const [name, value, schema] of examplesOf(responses['200'].content as Json)) out.push({ operationId: id, kind: 'response', name, validator: `${id}_response`, value, schema });
      for (const [name, value, schema] of examplesOf(responses.default?.content as Json)) out.push({ operationId: id, kind: 'error', name, validator: 'errorEnvelope', value, schema });
    }
  }
  return out;
}
