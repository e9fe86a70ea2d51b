// The OpenAPI 3.1 document of the API, built from what the server runs: each resource's list,
// getOne and export from its definition (the same fields the list engine accepts), and every
// other route from OPERATIONS with the zod schemas it validates with. docs/api.md is the prose.
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { FieldSpec, ResourceDefinition } from '../list/definition.ts';
import { MAX_PAGE_SIZE } from '../list/parseListQuery.ts';
import { resources } from '../resources/index.ts';
import { OPERATIONS, type Operation } from './operations.ts';

const ErrorBody = z.object({
  message: z.string(),
  errors: z.record(z.string(), z.string()).optional(),
}).meta({ id: 'Error', description: 'Every error: a message, and for invalid fields one reason per field.' });

/** A field of a record as the list engine types it; columns it does not type are left open. */
function fieldSchema(spec: FieldSpec | undefined): z.ZodType {
  if (!spec) return z.unknown();
  const base = spec.type === 'integer' ? z.number().int()
    : spec.type === 'boolean' ? z.boolean()
    : spec.type === 'enum' && spec.values ? z.enum(spec.values as [string, ...string[]])
    : z.string();
  return spec.nullable ? base.nullable() : base;
}

const recordSchemas = new Map<string, z.ZodType>();

function recordSchema(def: ResourceDefinition): z.ZodType {
  let schema = recordSchemas.get(def.name);
  if (!schema) recordSchemas.set(def.name, (schema = buildRecordSchema(def)));
  return schema;
}

function buildRecordSchema(def: ResourceDefinition): z.ZodType {
  const shape = Object.fromEntries([
    ...def.columns.map((c) => [c, fieldSchema(def.fields[c])]),
    ...(def.computed?.fields ?? []).map((c) => [c, z.unknown().meta({ description: 'computed for display; not filterable or sortable' })]),
  ]);
  const id = def.name.replace(/(ies|s)$/, (m) => (m === 'ies' ? 'y' : '')).replace(/^./, (c) => c.toUpperCase());
  return z.object(shape).meta({ id });
}

const describeFields = (def: ResourceDefinition, pick: (f: FieldSpec) => boolean | undefined) =>
  Object.entries(def.fields).filter(([, f]) => pick(f)).map(([name]) => name).join(', ');

function resourcePaths(def: ResourceDefinition, roles: readonly string[]): ZodOpenApiPathsObject {
  const record = recordSchema(def);
  const tags = [def.name];
  const who = `Readable by: ${roles.join(', ')}.`;
  const listQuery = z.object({
    sort: z.string().optional().meta({ description: `["field","ASC"|"DESC"]; sortable: ${describeFields(def, (f) => f.sort)}` }),
    range: z.string().optional().meta({ description: `[start,end], inclusive, at most ${MAX_PAGE_SIZE} records` }),
    filter: z.string().optional().meta({
      description: `JSON object; fields: ${describeFields(def, (f) => f.filter)}; suffixes _gte _lte _gt _lt _neq; "q" searches`,
    }),
  });
  const errors = { 400: 'invalid sort, range or filter', 401: 'no session', 403: 'not allowed for this role' };
  return {
    [`/api/${def.name}`]: {
      get: op({ summary: `List ${def.name}`, description: who, tags, query: listQuery, ok: 200, okBody: z.array(record), errors }),
    },
    [`/api/${def.name}/{id}`]: {
      get: op({ summary: `One of ${def.name}`, description: who, tags, path: true, ok: 200, okBody: record, errors: { ...errors, 404: 'no such record' } }),
    },
    [`/api/${def.name}/export`]: {
      get: op({
        summary: `Export the filtered ${def.name}`, description: `${who} Streamed; no row cap.`, tags,
        query: listQuery.omit({ range: true }).extend({ format: z.enum(['csv', 'json']).optional() }),
        ok: 200, download: ['text/csv', 'application/json'], errors,
      }),
    },
  };
}

interface OpInput {
  summary: string;
  description?: string;
  tags: string[];
  path?: boolean | string[];
  query?: z.ZodType;
  body?: z.ZodType;
  upload?: string;
  idempotency?: Operation['idempotency'];
  ok: number;
  okDescription?: string;
  okBody?: z.ZodType;
  download?: string[];
  errors: Record<number, string>;
}

function op(o: OpInput): ZodOpenApiOperationObject {
  const pathParams = o.path === true ? ['id'] : o.path || [];
  const header = o.idempotency
    ? z.object({ 'Idempotency-Key': o.idempotency === 'required' ? z.string().min(1).max(255) : z.string().min(1).max(255).optional() })
    : undefined;
  const success = o.download
    ? { description: o.okDescription ?? 'a download', content: Object.fromEntries(o.download.map((t) => [t, { schema: z.string() }])) }
    : o.okBody
      ? { description: o.okDescription ?? 'OK', content: { 'application/json': { schema: o.okBody } } }
      : { description: o.okDescription ?? 'OK' };
  return {
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    tags: o.tags,
    requestParams: {
      ...(pathParams.length ? { path: z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) } : {}),
      ...(o.query ? { query: o.query as z.ZodObject } : {}),
      ...(header ? { header } : {}),
    },
    ...(o.body ? { requestBody: { content: { 'application/json': { schema: o.body } } } } : {}),
    ...(o.upload ? { requestBody: { content: { 'multipart/form-data': { schema: z.object({ [o.upload]: z.string().meta({ format: 'binary' }) }) } } } } : {}),
    responses: {
      [o.ok]: success,
      ...Object.fromEntries(Object.entries(o.errors).map(([status, description]) => [
        status, { description, content: { 'application/json': { schema: ErrorBody } } },
      ])),
    },
  };
}

/** "POST /api/disputes/:id/notes" → ["post", "/api/disputes/{id}/notes", ["id"]]. */
export function splitRoute(route: string): [method: string, path: string, params: string[]] {
  const [method, path] = route.split(' ');
  const params = [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]);
  return [method.toLowerCase(), path.replace(/:([A-Za-z_]+)/g, '{$1}'), params];
}

function operationPaths(): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const [route, o] of Object.entries(OPERATIONS)) {
    const [method, path, params] = splitRoute(route);
    const [okStatus, ...rest] = Object.keys(o.responses).map(Number);
    const who = o.roles === 'public' ? 'No session needed.' : o.roles === 'signed-in' ? 'Any signed-in user.' : `Allowed: ${o.roles.join(', ')}.`;
    const errors: Record<number, string> = Object.fromEntries(rest.map((s) => [s, o.responses[s]]));
    if (o.roles !== 'public') errors[401] ??= 'no session';
    if (Array.isArray(o.roles)) errors[403] ??= 'not allowed for this role';
    if (o.body || o.query) errors[400] ??= 'invalid input';
    const returned = o.returns ? resources.find((r) => r.def.name === o.returns)?.def : undefined;
    if (o.returns && !returned) throw new Error(`${route} returns an unknown resource "${o.returns}"`);
    (paths[path] ??= {})[method as 'get'] = op({
      summary: o.summary, description: who, tags: [o.tag], path: params, query: o.query, body: o.body, upload: o.upload,
      idempotency: o.idempotency, ok: okStatus, okDescription: o.responses[okStatus], okBody: returned && recordSchema(returned),
      download: o.download, errors,
    });
  }
  return paths;
}

/** One path object per path, with the methods of every source (a resource's GET, an action's POST). */
function mergePaths(sources: ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const paths of sources) {
    for (const [path, methods] of Object.entries(paths)) out[path] = { ...out[path], ...methods };
  }
  return out;
}

let built: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  built ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Kaito Back Office API',
      version: '1.0.0',
      description: 'The back office of a payments platform. Prose reference: docs/api.md. Sessions are a cookie set by POST /api/auth/login.',
    },
    paths: mergePaths([...resources.map((r) => resourcePaths(r.def, r.read)), operationPaths()]),
  });
  return built;
}
