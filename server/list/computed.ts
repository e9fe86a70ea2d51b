// Adds a resource's computed fields (ResourceDefinition.computed) to the records an answer holds.
import type { Knex } from 'knex';
import type { Config } from '../config.ts';
import type { ResourceDefinition } from './definition.ts';
import type { ApiRecord } from './listQuery.ts';

export async function withComputed<T extends ApiRecord | undefined>(
  db: Knex | Knex.Transaction, def: ResourceDefinition, config: Config, records: T[],
): Promise<T[]> {
  const present = records.filter((r): r is NonNullable<T> => !!r);
  if (def.computed && present.length > 0) await def.computed.add(db, present, config);
  return records;
}

/** One record (or none) with its computed fields. */
export async function oneWithComputed<T extends ApiRecord | undefined>(
  db: Knex | Knex.Transaction, def: ResourceDefinition, config: Config, record: T,
): Promise<T> {
  return (await withComputed(db, def, config, [record]))[0];
}
