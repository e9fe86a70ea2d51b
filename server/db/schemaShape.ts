// The schema as the migrations leave it, in one engine-neutral shape: tables, their columns
// (name, type, nullability) and their secondary indexes (columns in order, uniqueness). Two
// engines that ran the same migrations must describe the same shape; the migration tests compare
// them, and compare the shape before and after a full rollback and re-run.
import type { Db } from './connect.ts';

export interface ColumnShape {
  name: string;
  type: string;
  nullable: boolean;
}

export interface IndexShape {
  columns: string[];
  unique: boolean;
}

export type SchemaShape = Record<string, { columns: ColumnShape[]; indexes: IndexShape[] }>;

/** Engine spellings of the same column type, reduced to one name. */
function normalizeType(raw: string, length: number | null = null): string {
  const t = raw.toLowerCase().trim();
  const varchar = /^(?:varchar|character varying)(?:\((\d+)\))?$/.exec(t);
  if (varchar) return `varchar(${varchar[1] ?? length ?? ''})`;
  if (t === 'blob' || t === 'bytea') return 'binary';
  if (t === 'int' || t === 'integer') return 'integer';
  if (t === 'bigint' || t === 'bigint(20)') return 'bigint';
  if (t === 'bool' || t === 'boolean' || t === 'tinyint(1)') return 'boolean';
  if (t === 'text' || t === 'character varying') return 'text';
  if (t === 'real' || t === 'double precision' || t === 'float' || t === 'float8') return 'float';
  return t;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const indexKey = (i: IndexShape) => `${i.unique ? 'u' : 'i'}:${i.columns.join(',')}`;
const sortIndexes = (list: IndexShape[]) => list.sort((a, b) => indexKey(a).localeCompare(indexKey(b)));

/** Tables that belong to the migration tool, not to the application. */
const isOwnTable = (name: string) => !name.startsWith('knex_') && !name.startsWith('sqlite_');

export async function schemaShape(db: Db): Promise<SchemaShape> {
  return db.engine === 'pg' ? pgShape(db) : sqliteShape(db);
}

async function sqliteShape(db: Db): Promise<SchemaShape> {
  const tables = (await db.raw(`select name from sqlite_master where type = 'table' order by name`)) as Array<{ name: string }>;
  const out: SchemaShape = {};
  for (const { name } of tables.filter((t) => isOwnTable(t.name))) {
    const cols = (await db.raw(`pragma table_info(??)`, [name])) as Array<{ name: string; type: string; notnull: number; pk: number }>;
    const indexList = (await db.raw(`pragma index_list(??)`, [name])) as Array<{ name: string; unique: number; origin: string }>;
    const indexes: IndexShape[] = [];
    for (const idx of indexList.filter((i) => i.origin !== 'pk')) {
      const info = (await db.raw(`pragma index_info(??)`, [idx.name])) as Array<{ seqno: number; name: string }>;
      indexes.push({ columns: info.sort((a, b) => a.seqno - b.seqno).map((c) => c.name), unique: idx.unique === 1 });
    }
    out[name] = {
      columns: cols.map((c) => ({ name: c.name, type: normalizeType(c.type), nullable: c.notnull === 0 && c.pk === 0 })).sort(byName),
      indexes: sortIndexes(indexes),
    };
  }
  return out;
}

async function pgShape(db: Db): Promise<SchemaShape> {
  const { rows: cols } = await db.raw(
    `select table_name, column_name, data_type, character_maximum_length, is_nullable
       from information_schema.columns
      where table_schema = current_schema()
      order by table_name, column_name`,
  );
  const { rows: idx } = await db.raw(
    `select t.relname as table_name, i.indisunique as is_unique,
            array(select a.attname from unnest(i.indkey) with ordinality k(attnum, ord)
                    join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                   order by k.ord) as columns
       from pg_index i
       join pg_class t on t.oid = i.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = current_schema() and not i.indisprimary`,
  );
  const out: SchemaShape = {};
  for (const c of cols as Array<{ table_name: string; column_name: string; data_type: string; character_maximum_length: number | null; is_nullable: string }>) {
    if (!isOwnTable(c.table_name)) continue;
    (out[c.table_name] ??= { columns: [], indexes: [] }).columns.push({
      name: c.column_name, type: normalizeType(c.data_type, c.character_maximum_length), nullable: c.is_nullable === 'YES',
    });
  }
  for (const i of idx as Array<{ table_name: string; is_unique: boolean; columns: string[] | string }>) {
    if (!out[i.table_name]) continue;
    const columns = Array.isArray(i.columns) ? i.columns : String(i.columns).replace(/^\{|\}$/g, '').split(',');
    out[i.table_name].indexes.push({ columns, unique: i.is_unique });
  }
  for (const t of Object.values(out)) {
    t.columns.sort(byName);
    sortIndexes(t.indexes);
  }
  return out;
}
