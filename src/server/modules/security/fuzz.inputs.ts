/**
 * Bad input, generated from each route's own schema (its OpenAPI operation): a plausible valid
 * request first, then one mutation at a time — wrong types, huge strings, deep nesting, unicode
 * edge cases, SQL and script payloads, random UUIDs and UUIDs of another community's records — in
 * the body, the query string and the path. Deterministic for a given seed.
 */
import { randomUUID } from 'node:crypto';
import { createRng, type Rng } from '../../seed/random';

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  const?: unknown;
};

export interface Operation {
  method: string;
  /** Path template with `:param` segments, as fastify knows it. */
  url: string;
  body: JsonSchema | null;
  query: Array<{ name: string; schema: JsonSchema }>;
  params: string[];
}

export interface FuzzInput {
  /** What was mutated, for the report: `body.name: sql`. */
  label: string;
  url: string;
  payload: string | undefined;
}

export interface IdPools {
  /** Ids in the caller's own community (plausible references). */
  home: { community: string; org: string };
  /** Ids of records in another district, which no fuzzing role may reach. */
  foreign: string[];
}

const sqlPayloads = ["' OR '1'='1", "'; DROP TABLE account; --", '1) UNION SELECT password_hash FROM account --', "\\'; SELECT pg_sleep(5); --"];
const scriptPayloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}'];
const unicodePayloads = ['\u0000', '\ud800', '\u202e\u0645\u0631\u062d\u0628\u0627', '👨‍👩‍👧‍👦'.repeat(50), 'Ａｄｍｉｎ', 'e\u0301'.repeat(200), '\uFEFF\u200B', '𠮷野家'];
const hugeString = 'A'.repeat(100_000);

const typeOf = (s: JsonSchema): string | undefined => {
  if (s.anyOf || s.oneOf) return typeOf((s.anyOf ?? s.oneOf)!.find((x) => x.type !== 'null') ?? {});
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
};

/** A value the schema accepts, as far as a plain reading of it goes. */
export function validValue(name: string, schema: JsonSchema, ids: IdPools, rng: Rng): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) return validValue(name, (schema.anyOf ?? schema.oneOf)!.find((x) => x.type !== 'null') ?? {}, ids, rng);
  switch (typeOf(schema)) {
    case 'string':
      if (schema.format === 'uuid') return /community/i.test(name) ? ids.home.community : /org/i.test(name) ? ids.home.org : rng.pick(ids.foreign);
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (schema.format === 'date') return '2026-06-01';
      if (/phone/i.test(name)) return '13800138000';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 4)).slice(0, schema.maxLength ?? 64);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1) <= (schema.maximum ?? Infinity) ? Math.max(schema.minimum ?? 1, 1) : schema.minimum ?? 0;
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => validValue(name, schema.items ?? {}, ids, rng)) : [];
    case 'object':
      return validObject(schema, ids, rng);
    default:
      return 'x';
  }
}

function validObject(schema: JsonSchema, ids: IdPools, rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (schema.required?.includes(key) || rng.chance(0.5)) out[key] = validValue(key, prop, ids, rng);
  }
  return out;
}

/** One bad value for a field, by kind. */
function badValue(kind: string, schema: JsonSchema, ids: IdPools, rng: Rng): unknown {
  switch (kind) {
    case 'wrong_type':
      return typeOf(schema) === 'string' ? rng.pick([12345, true, { $gt: '' }, ['a']]) : rng.pick(['abc', '1; DROP TABLE x', {}, [1]]);
    case 'huge':
      return typeOf(schema) === 'array' ? Array.from({ length: 5000 }, () => 'x') : typeOf(schema) === 'string' ? hugeString : 1e308;
    case 'unicode':
      return rng.pick(unicodePayloads);
    case 'sql':
      return rng.pick(sqlPayloads);
    case 'script':
      return rng.pick(scriptPayloads);
    case 'null':
      return null;
    case 'foreign_uuid':
      // Into id fields only: a free-text field would just echo the id back (not a leak).
      return schema.format === 'uuid' || typeOf(schema) !== 'string' ? rng.pick(ids.foreign) : randomUUID();
    case 'random_uuid':
      return randomUUID();
    case 'number_edge':
      return rng.pick([-1, 0, -0.5, 2 ** 53 + 1, -(2 ** 31) - 1, 1e-320]);
    case 'deep':
      return DEEP;
    default:
      return undefined;
  }
}

const fieldKinds = ['wrong_type', 'huge', 'unicode', 'sql', 'script', 'null', 'foreign_uuid', 'random_uuid', 'number_edge', 'deep'];

/** Stands for a deeply nested value; spliced into the JSON text (JSON.stringify would overflow first). */
const DEEP = '\u0000deep\u0000';
const deepJson = (depth: number) => '[{"a":'.repeat(depth) + '"bottom"' + '}]'.repeat(depth);
const toJson = (value: unknown) => JSON.stringify(value).replace(JSON.stringify(DEEP), deepJson(3000));

const fill = (url: string, values: Record<string, string>) => url.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(values[p] ?? randomUUID()));

function withQuery(url: string, query: Record<string, unknown>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) for (const item of v) qs.append(k, String(item));
    else if (v !== undefined) qs.set(k, v === DEEP ? deepJson(500) : typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const s = qs.toString();
  return s ? `${url}?${s}` : url;
}

/**
 * Inputs for one operation. `depth` 'full' mutates every field; 'probe' sends the plausible request
 * with other communities' ids in the path (other roles, checking scope and permission).
 */
export function inputsFor(op: Operation, ids: IdPools, depth: 'full' | 'probe' | 'one', seed: string): FuzzInput[] {
  const rng = createRng(`${seed}:${op.method}:${op.url}:${depth}`);
  const pathValues = (override: Record<string, string> = {}) => Object.fromEntries(op.params.map((p) => [p, override[p] ?? rng.pick(ids.foreign)]));
  const baseQuery = Object.fromEntries(op.query.filter((q) => rng.chance(0.3)).map((q) => [q.name, validValue(q.name, q.schema, ids, rng)]));
  const baseBody = op.body ? validValue('body', op.body, ids, rng) : undefined;
  const make = (label: string, o: { path?: Record<string, string>; query?: Record<string, unknown>; body?: unknown; raw?: string } = {}): FuzzInput => ({
    label,
    url: withQuery(fill(`/api/v1${op.url}`, pathValues(o.path)), o.query ?? baseQuery),
    payload: o.raw ?? (op.body || ['POST', 'PUT', 'PATCH'].includes(op.method) ? toJson(o.body === undefined ? baseBody ?? {} : o.body) : undefined),
  });

  const out: FuzzInput[] = [make('plausible, foreign ids in the path')];
  if (depth === 'one') return out;
  for (const p of op.params) {
    out.push(make(`path.${p}: random uuid`, { path: { [p]: randomUUID() } }));
    if (depth === 'probe') continue;
    out.push(make(`path.${p}: foreign uuid`, { path: { [p]: rng.pick(ids.foreign) } }));
    out.push(make(`path.${p}: malformed`, { path: { [p]: rng.pick(['not-a-uuid', "1' OR '1'='1", '../../etc/passwd', '%00', 'x'.repeat(250), '00000000-0000-0000-0000-000000000000']) } }));
  }
  if (depth === 'probe') return out;

  // One mutation per field, the kinds rotating over the fields so that every kind is used route after route.
  const props = Object.entries(op.body?.properties ?? {}).slice(0, 8);
  let k = rng.int(0, fieldKinds.length - 1);
  for (const [key, schema] of props) {
    const kind = fieldKinds[k++ % fieldKinds.length]!;
    out.push(make(`body.${key}: ${kind}`, { body: { ...(baseBody as object), [key]: badValue(kind, schema, ids, rng) } }));
  }
  if (op.body || ['POST', 'PUT', 'PATCH'].includes(op.method)) {
    out.push(make('body: deep nesting', { body: { ...(baseBody as object), zz: DEEP } }));
    out.push(make('body: array instead of object', { body: [baseBody] }));
    out.push(make('body: not JSON', { raw: '{"a": ' }));
    out.push(make('body: 1000 unknown keys', { body: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])) }));
    out.push(make('body: prototype pollution', { raw: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}' }));
  }
  for (const q of op.query.slice(0, 4)) {
    const kind = rng.pick(['wrong_type', 'sql', 'unicode', 'huge', 'number_edge', 'foreign_uuid']);
    out.push(make(`query.${q.name}: ${kind}`, { query: { ...baseQuery, [q.name]: badValue(kind, q.schema, ids, rng) } }));
  }
  if (op.method === 'GET') {
    out.push(make('query: unknown parameter', { query: { ...baseQuery, zz_unknown: '1' } }));
    if (op.query[0]) out.push(make(`query.${op.query[0].name}: repeated`, { query: { ...baseQuery, [op.query[0].name]: ['1', '2'] } }));
  }
  return out;
}

/** Operations from the OpenAPI document, keyed like the route table (`GET /orgs/:id`). */
export function operationsOf(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: Array<{ in: string; name: string; schema: JsonSchema }> }>> }): Map<string, Operation> {
  const ops = new Map<string, Operation>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    const url = path.slice('/api/v1'.length).replace(/\{(\w+)\}/g, ':$1');
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      ops.set(`${m} ${url}`, {
        method: m,
        url,
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      });
    }
  }
  return ops;
}
