// The migrations, as a whole: every one can be rolled back (latest → nothing → latest gives the
// same schema back), SQLite and PostgreSQL end up with the same tables, columns and indexes, and
// both match the reviewed snapshot, schema.snapshot.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSource } from '../../migrations/index.ts';
import { createTestDb, ENGINES, type TestDb } from '../test/harness.ts';
import { migrate } from './connect.ts';
import { schemaShape, type SchemaShape } from './schemaShape.ts';

const shapes: Partial<Record<'sqlite' | 'pg', SchemaShape>> = {};

describe.each(ENGINES)('migrations on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t?.drop());

  it('when every migration is rolled back and run again, then the schema is the same', async () => {
    const before = await schemaShape(t.db);
    shapes[engine] = before;
    expect(Object.keys(before).length).toBeGreaterThan(10);
    // The schema as reviewed: a migration that changes a table, column or index changes this file
    // (`npx vitest run server/db/migrations.test.ts -u`), so the change shows in the diff.
    await expect(`${JSON.stringify(before, null, 2)}\n`).toMatchFileSnapshot('./schema.snapshot.json');

    await t.db.migrate.rollback({ migrationSource }, true);
    const [, pending] = (await t.db.migrate.list({ migrationSource })) as [unknown[], unknown[]];
    expect(pending.length).toBe((await migrationSource.getMigrations([])).length);
    expect(Object.keys(await schemaShape(t.db))).toEqual([]);

    await migrate(t.db);
    expect(await schemaShape(t.db)).toEqual(before);
  });
});

describe.runIf(ENGINES.length === 2)('SQLite and PostgreSQL', () => {
  it('when both ran every migration, then they have the same tables, columns and indexes', () => {
    expect(shapes.sqlite).toBeDefined();
    expect(shapes.pg).toEqual(shapes.sqlite);
  });
});
