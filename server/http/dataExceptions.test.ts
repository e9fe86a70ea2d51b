// The error handler's safety net for values validation missed: a PostgreSQL data exception
// (SQLSTATE class 22) is a 400, not a 500, and its log line carries the code but never the
// message, which quotes the value the client sent.
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createTestDb, ENGINES, type TestDb } from '../test/harness.ts';
import { errorHandler } from './errorHandler.ts';

const VALUE = '98765432109876';

function appFailingWith(fail: () => Promise<unknown>) {
  let output = '';
  const log = createLogger({ LOG_LEVEL: 'info' }, new Writable({
    write(chunk, _enc, done) {
      output += chunk.toString();
      done();
    },
  }));
  const app = express();
  app.get('/x', async () => {
    await fail();
  });
  app.use(errorHandler(log));
  return { app, output: () => output };
}

describe('data exceptions', () => {
  it('any class-22 error is a 400 whose log keeps the code, not the message', async () => {
    const { app, output } = appFailingWith(async () => {
      throw Object.assign(new Error(`value "${VALUE}" is out of range for type integer`), { code: '22003' });
    });
    const res = await request(app).get('/x');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: 'A value in the request is out of range or malformed' });
    expect(output()).toContain('22003');
    expect(output()).not.toContain(VALUE);
  });

  it('other database errors stay a 500', async () => {
    const { app } = appFailingWith(async () => {
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    expect((await request(app).get('/x')).status).toBe(500);
  });
});

describe.each(ENGINES.filter((e) => e === 'pg'))('data exceptions from %s itself', (engine) => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb(engine);
  });
  afterAll(() => tdb.drop());

  it.each([
    ['an integer out of range', `select ?::integer as n`, VALUE],
    ['a malformed number', `select ?::bigint as n`, `${VALUE}x`],
    ['a malformed date', `select ?::date as d`, `${VALUE}-01`],
  ])('%s → 400, value not logged', async (_what, sql, value) => {
    const { app, output } = appFailingWith(() => tdb.db.raw(sql, [value]));
    const res = await request(app).get('/x');
    expect(res.status).toBe(400);
    expect(output()).toMatch(/"code":"22/);
    expect(output()).not.toContain(VALUE);
  });
});
