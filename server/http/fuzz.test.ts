// Fuzzing every list, getOne and write route of routes.table.ts with malformed, oversized,
// injected and wrongly-typed input (seeded, so every run sends the same requests): never a 5xx,
// every refusal a JSON message, nothing in the database changed, no prototype polluted, and the
// server still answering afterwards.
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../resources/index.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { buildFixture, dbDigest, send } from '../test/routeCalls.ts';
import { methodOf, ROUTES, type Fixture, type RouteCase } from '../test/routes.table.ts';

const SEED = 20261121;
/** A seed per row: the same seed everywhere would send every route the very same inputs. */
const seedFor = (row: RouteCase) => SEED + ROUTES.indexOf(row);
const RUNS = { list: 60, id: 30, body: 60, upload: 40 };

// ---------------------------------------------------------------------------------------------
// Inputs

/** A value spliced into JSON as raw text: numbers JSON.stringify cannot make. */
interface Raw {
  raw: string;
}
const raw = (text: string): Raw => ({ raw: text });
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && typeof (v as Raw).raw === 'string' && Object.keys(v).length === 1;
const toJson = (v: unknown): string => (isRaw(v) ? v.raw : (JSON.stringify(v) ?? 'null'));
/** Object text from entries, so keys like "__proto__" stay ordinary own keys of the JSON. */
const objectJson = (entries: Array<[string, unknown]>) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;

const INJECTIONS = [
  "' OR '1'='1", "'; DROP TABLE users; --", "1) UNION SELECT password_hash, email FROM users --", '" OR ""="',
  "' || (select password_hash from users limit 1) || '", "1; select pg_sleep(5)", "'; select sqlite_version(); --",
  '%', '_', '%%', '%_%', '\\', '\\\\%', "'", '"', '`', ';', '--', '/*', '*/', '${7*7}', '{{7*7}}', '<script>alert(1)</script>',
  '../../etc/passwd', '..\\..\\windows\\win.ini', '$where', '{"$gt":""}', 'null', 'undefined', 'NaN', 'Infinity', '-0',
  'true', '[]', '{}', '\u0000', 'py_\u0000x', '\u202Eevil', '😀🙈💥', 'ß', 'İ', 'ﬃ', '\uFEFF', '\u200B', '\ud800', '\udfff', ' ', '', '\t\n\r',
  'a'.repeat(3000), '9'.repeat(400), 'py_ZZZZZZZZZZZZZZZZZZZZZZZZZZ', 'PY_01jx', 'usr_', '2026-02-30', '2026-13-01T25:61:61Z',
  '0x7fffffff', '1e400', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
];
const weirdString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const weirdNumber = fc.oneof(
  fc.integer(), fc.double(), fc.constantFrom<unknown>(-1, 0, 1.5, 2 ** 53 + 2, -(2 ** 63), 1e308, raw('1e400'), raw('-0'),
    raw('123456789012345678901234567890'), raw('0.0000000000000000001'), raw('1E+2'), raw('-1e-7')),
);
const container = fc.oneof(
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constantFrom<unknown>(raw('{"__proto__":{"polluted":true}}'), raw('{"constructor":{"prototype":{"polluted":true}}}'),
    raw(`[${'"x",'.repeat(1000)}"x"]`), raw(`${'['.repeat(200)}${']'.repeat(200)}`), [], {}, [[]], [null]),
);
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null), container);

/** A value of another type than `v`: never something a sane schema would take for it. */
function wrongTypeFor(v: unknown): fc.Arbitrary<unknown> {
  if (typeof v === 'string') return fc.oneof(weirdNumber, fc.boolean(), fc.constant(null), container);
  if (typeof v === 'number') return fc.oneof(weirdString, fc.boolean(), fc.constant(null), container, fc.constantFrom<unknown>(1.5, raw('1e400')));
  if (typeof v === 'boolean') return fc.oneof(weirdString, fc.constantFrom<unknown>('true', 'false', 0, 1), fc.constant(null), container);
  return fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null));
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'password_hash', 'created_at', 'is_admin', '$where', 'toString', ''];

function listQuery(resource: string): fc.Arbitrary<{ query: string; range?: string }> {
  const def = resources.find((r) => r.def.name === resource)!.def;
  const fields = Object.keys(def.fields);
  const key = fc.oneof(
    fc.constantFrom(...fields),
    fc.tuple(fc.constantFrom(...fields), fc.constantFrom('_gte', '_lte', '_gt', '_lt', '_neq', '_in', '_like', '_eq')).map(([f, s]) => f + s),
    fc.constantFrom('q', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty_gte', 'valueOf_lt', '', ' ', "id' OR 1=1 --", 'status; drop table users'),
    fc.string({ maxLength: 12 }),
  );
  const value = fc.oneof(weirdValue, fc.constantFrom<unknown>(...Object.values(def.fields).flatMap((s) => s.values ?? []), '2026-11-01', '2026-11-01T00:00:00Z'));
  const filter = fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 4 }).map(objectJson) },
    fc.constantFrom('{', '[]', 'null', '"x"', '{"a":}', 'NaN', '1e999', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"id":[]}', `{"id":[${'"x",'.repeat(1200)}"x"]}`),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    weirdString,
  );
  const sort = fc.oneof(
    fc.tuple(fc.oneof(fc.constantFrom(...fields), weirdString), fc.oneof(fc.constantFrom('ASC', 'DESC', 'asc', 'desc', '', 'RANDOM()', 'ASC; DROP TABLE users'), weirdString))
      .map((pair) => JSON.stringify(pair)),
    fc.constantFrom('[]', '["id"]', '["id","ASC","x"]', 'id', '{"field":"id"}', '[1,2]'),
    weirdString,
  );
  const range = fc.oneof(
    fc.tuple(weirdNumber, weirdNumber).map(([a, b]) => `[${toJson(a)},${toJson(b)}]`),
    fc.constantFrom('[0,999]', '[0,1000]', '[5,1]', '[-1,5]', '[0]', '[]', '[0,24,3]', '["0","24"]', '[1.5,2]', '[0,1e400]', '[1000000,1000010]'),
    weirdString,
  );
  const param = fc.oneof(
    fc.tuple(fc.constant('filter'), filter), fc.tuple(fc.constant('sort'), sort), fc.tuple(fc.constant('range'), range),
    fc.tuple(fc.constantFrom('page', 'perPage', 'q', '__proto__', 'constructor', '_sort', 'filter[id]', ''), weirdString),
  );
  const rangeHeader = fc.option(fc.oneof(fc.constant(`${resource}=0-24`), fc.constant(`${resource}=5-1`), fc.constant('items=0-99999999999999999999'), weirdString), { nil: undefined });
  return fc.record({ params: fc.array(param, { maxLength: 4 }), range: rangeHeader }).map(({ params, range: header }) => {
    const q = new URLSearchParams();
    for (const [k, v] of params) q.append(k, v as string);
    return { query: q.toString(), range: header };
  });
}

/** A path segment: weird text, encoded (lone surrogates too), or raw hostile path pieces. */
const idSegment = fc.oneof(
  weirdString.map((s) => new URLSearchParams({ s }).toString().slice(2) || 'x'),
  fc.constantFrom('%', '%00', 'x%00y', '%E0%A4%A', '%C0%AE', '%2e%2e', '..', '%2F', '..%2F..%2Fetc%2Fpasswd', ';', '%3B', '*', '%25', '%FF%FE', 'x%20y', '%u0000'),
);

type BodyCase = { mode: 'typed' | 'raw' | 'strings'; text: string; contentType: string };

function bodyCases(base: Record<string, unknown>, strings: boolean): fc.Arbitrary<BodyCase> {
  const keys = Object.keys(base);
  const extra = fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS.filter((k) => !keys.includes(k))), weirdValue), { maxLength: 3 });
  const typed = fc.shuffledSubarray(keys, { minLength: 1 }).chain((chosen) =>
    fc.tuple(container, ...chosen.slice(1).map((k) => wrongTypeFor(base[k])), extra).map((values) => {
      const replaced = new Map<string, unknown>(chosen.map((k, i) => [k, values[i]]));
      const entries: Array<[string, unknown]> = keys.map((k) => [k, replaced.has(k) ? replaced.get(k) : base[k]]);
      return { mode: 'typed' as const, text: objectJson([...entries, ...(values[values.length - 1] as Array<[string, unknown]>)]), contentType: 'application/json' };
    }),
  );
  const stringKeys = keys.filter((k) => typeof base[k] === 'string');
  const allStrings = fc.tuple(...stringKeys.map(() => weirdString)).map((values) => ({
    mode: 'strings' as const,
    text: objectJson(keys.map((k) => [k, stringKeys.includes(k) ? values[stringKeys.indexOf(k)] : base[k]])),
    contentType: 'application/json',
  }));
  const rawText = fc.oneof(
    fc.constantFrom('', 'null', '[]', '[{}]', '"str"', '123', 'true', '{', '{"a":', '{}{}', '\uFEFF{}', `${'['.repeat(5000)}${']'.repeat(5000)}`,
      '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', `{"x":"${'y'.repeat(120_000)}"}`, JSON.stringify(base).slice(0, -1)),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    weirdString,
  );
  const contentType = fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset="utf-8"', 'application/xml', 'application/json-patch+json');
  const rawCase = fc.tuple(rawText, contentType).map(([text, type]) => ({ mode: 'raw' as const, text, contentType: type }));
  return strings && stringKeys.length > 0 ? fc.oneof(typed, allStrings, rawCase) : fc.oneof(typed, rawCase);
}

// ---------------------------------------------------------------------------------------------

describe.each(ENGINES)('fuzz on %s', (engine) => {
  let t: TestApp;
  let admin: request.Agent;
  let f: Fixture;
  let before: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.agent('admin');
    f = await buildFixture(t);
    before = await dbDigest(t.db);
  });
  afterAll(() => t.drop());

  // Statuses seen per kind: the generators must reach both accepted and refused inputs.
  const seen: Record<string, Record<number, number>> = { list: {}, id: {}, body: {}, upload: {} };
  const tally = (kind: string, status: number) => {
    seen[kind][status] = (seen[kind][status] ?? 0) + 1;
  };

  const assertAnswered = (res: request.Response, what: string) => {
    expect(res.status, `${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers['content-type'], what).toMatch(/^application\/json/);
      expect(typeof res.body.message, what).toBe('string');
      // No database error or stack trace leaks (messages may quote the input, so look for what
      // only an engine or a stack would write).
      expect(res.body.message, what).not.toMatch(/SQLITE_[A-Z]|syntax error at|relation "|violates|invalid input syntax|node_modules|\.(js|ts):\d+:\d+/);
    }
  };

  const rowsWith = (kind: 'list' | 'id' | 'body' | 'upload') =>
    ROUTES.filter((r) => (kind === 'body' ? typeof r.fuzz === 'object' : r.fuzz === kind));

  it('list routes: malformed sort, range, filter and Range header → 200 or 400', async () => {
    for (const row of rowsWith('list')) {
      const path = row.path(f, 'admin');
      const resource = path.split('/')[2];
      await fc.assert(
        fc.asyncProperty(listQuery(resource), async ({ query, range }) => {
          let req = admin.get(query ? `${path}?${query}` : path);
          if (range !== undefined) req = req.set('Range', range.replace(/[^\t\x20-\x7e]/g, '?'));
          const res = await req;
          const what = `GET ${path}?${query} Range: ${range}`;
          assertAnswered(res, what);
          tally('list', res.status);
          expect([200, 400], what).toContain(res.status);
          if (res.status === 200) {
            expect(Array.isArray(res.body), what).toBe(true);
            expect(res.headers['content-range'], what).toMatch(new RegExp(`^${resource} (\\d+-\\d+|\\*)/\\d+$`));
          }
        }),
        { seed: seedFor(row), numRuns: RUNS.list },
      );
    }
    expect(seen.list[200]).toBeGreaterThan(20);
    expect(seen.list[400]).toBeGreaterThan(200);
  });

  it('getOne routes: hostile ids → 400 or 404', async () => {
    for (const row of rowsWith('id')) {
      const base = row.path(f, 'admin').split('/').slice(0, -1).join('/');
      await fc.assert(
        fc.asyncProperty(idSegment, async (segment) => {
          const res = await admin.get(`${base}/${segment}`);
          assertAnswered(res, `GET ${base}/${segment}`);
          tally('id', res.status);
          expect([400, 404], `GET ${base}/${segment}`).toContain(res.status);
        }),
        { seed: seedFor(row), numRuns: RUNS.id },
      );
    }
    expect(seen.id[404]).toBeGreaterThan(50);
  });

  it('write routes: wrongly-typed, injected, raw and oversized bodies → refused (or a no-op)', async () => {
    for (const row of rowsWith('body')) {
      const base = row.body!(f, 'admin') as Record<string, unknown>;
      const strings = typeof row.fuzz === 'object' && row.fuzz.strings !== false;
      await fc.assert(
        fc.asyncProperty(bodyCases(base, strings), async ({ mode, text, contentType }) => {
          const res = await send(admin, row, f, 'admin', { body: undefined }).set('Content-Type', contentType).send(text);
          const what = `${methodOf(row)} ${row.path(f, 'admin')} [${mode}, ${contentType}] ${text.slice(0, 300)}`;
          assertAnswered(res, what);
          tally('body', res.status);
          // A body that strips down to nothing writable may be a 200 no-op; never a creation.
          if (mode === 'raw') expect(res.status === 200 || (res.status >= 400 && res.status < 500), what).toBe(true);
          else expect(res.status >= 400 && res.status < 500, what).toBe(true);
        }),
        { seed: seedFor(row), numRuns: RUNS.body },
      );
    }
    expect(Object.keys(seen.body).map(Number)).toEqual(expect.arrayContaining([400, 415]));
  });

  it('write routes: an oversized body is a 413 on every one', async () => {
    for (const row of rowsWith('body')) {
      const res = await send(admin, row, f, 'admin', { body: undefined }).set('Content-Type', 'application/json')
        .send(objectJson([...Object.entries(row.body!(f, 'admin') as object), ['padding', 'x'.repeat(150_000)]]));
      assertAnswered(res, row.route);
      expect(res.status, row.route).toBe(413);
    }
  });

  it('upload routes: hostile files, filenames and form fields → refused', async () => {
    const magic = fc.constantFrom(Buffer.alloc(0), Buffer.from('%PDF-'), Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from([0xff, 0xd8, 0xff]),
      Buffer.from('<svg onload="alert(1)">'), Buffer.from('<!doctype html><script>alert(1)</script>'), Buffer.from('MZ'), Buffer.from('PK\x03\x04'));
    const file = fc.record({
      field: fc.constantFrom('file', 'file', 'file', 'files', 'upload', '', '__proto__'),
      filename: fc.oneof(weirdString, fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', 'a.png\u0000.exe', 'x'.repeat(400) + '.png', 'evil.html', '.htaccess', 'CON', '')),
      content: fc.tuple(magic, fc.uint8Array({ maxLength: 512 })).map(([head, tail]) => Buffer.concat([head, Buffer.from(tail)])),
      twice: fc.boolean(),
    });
    for (const row of rowsWith('upload')) {
      const path = row.path(f, 'admin');
      await fc.assert(
        fc.asyncProperty(file, async ({ field, filename, content, twice }) => {
          let req = admin.post(path).set(row.headers?.(f, 'admin') ?? {}).attach(field || 'file', content, filename.replace(/[\r\n"]/g, '_') || 'x');
          if (twice) req = req.attach('file', content, 'second.png');
          const res = await req;
          const what = `POST ${path} field=${field} filename=${JSON.stringify(filename).slice(0, 80)} bytes=${content.subarray(0, 8).toString('hex')}`;
          assertAnswered(res, what);
          tally('upload', res.status);
          expect(res.status >= 400 && res.status < 500, what).toBe(true);
        }),
        { seed: seedFor(row), numRuns: RUNS.upload },
      );
    }
  });

  it('odd methods, bodies on reads, bad encodings and header abuse → never a 5xx', async () => {
    const path = `/api/merchants/${f.first.merchants.id}`;
    const answers: Array<[string, request.Response]> = [
      ['OPTIONS list', await admin.options('/api/payments')],
      ['HEAD list', await admin.head('/api/payments')],
      ['GET with a body', await admin.get('/api/payments').set('Content-Type', 'application/json').send('{"filter":1}')],
      ['DELETE with a body', await admin.delete(path).set('Content-Type', 'application/json').send('{"x":1}')],
      ['PUT invalid UTF-8', await admin.put(path).set('Content-Type', 'application/json').send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))],
      ['PUT deflate', await admin.put(path).set('Content-Type', 'application/json').set('Content-Encoding', 'deflate').send('xx')],
      ['login as array', await request(t.app).post('/api/auth/login').send([{ email: 'admin@example.com', password: 'x' }])],
      ['login huge password', await request(t.app).post('/api/auth/login').send({ email: 'admin@example.com', password: 'x'.repeat(90_000) })],
      ['cookie garbage', await request(t.app).get('/api/payments').set('Cookie', 'kbo_session=%E0%A4%A; kbo_session=x')],
      ['cookie huge', await request(t.app).get('/api/payments').set('Cookie', `kbo_session=${'a'.repeat(8000)}`)],
      ['Range header huge', await admin.get('/api/payments').set('Range', 'payments=0-9999999999999999999999')],
      ['repeated params', await admin.get('/api/payments?filter={}&filter={}&sort=["id","ASC"]&sort=["id","DESC"]')],
      ['bracket params', await admin.get('/api/payments?filter[id]=1&filter[__proto__][polluted]=1')],
    ];
    for (const [what, res] of answers) assertAnswered(res, what);
    // Both Content-Length and Transfer-Encoding (request smuggling): node's parser refuses it
    // before the app sees it.
    const smuggled = await admin.put(path).set('Content-Type', 'application/json').set('Transfer-Encoding', 'chunked').send('{"status":7}');
    expect(smuggled.status).toBe(400);
  });

  it('left the data exactly as it was, polluted no prototype, and still answers', async () => {
    expect(await dbDigest(t.db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await request(t.app).get('/api/health')).status).toBe(200);
    const list = await admin.get('/api/payments?range=[0,4]');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(5);
    expect((await admin.get(`/api/merchants/${f.first.merchants.id}`)).body.id).toBe(f.first.merchants.id);
  });

  it('fuzzed every resource\'s list and getOne (new resources need rows in routes.table.ts)', () => {
    const listed = new Set(rowsWith('list').map((r) => r.route));
    for (const { def } of resources) expect(listed.has(`GET /api/${def.name}`), def.name).toBe(true);
  });
});
