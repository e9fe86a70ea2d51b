// Migrations run as the schema's owner, the app as its least-privilege role (docs/security.md,
// "The database"): with MIGRATION_DATABASE_URL set, migrating (and whatever else needs the owner,
// such as seeding, which rebuilds indexes) goes through a short-lived connection of the owner's,
// which then re-applies the app role's table privileges so tables a migration added get theirs.
// Unset, the app's own connection does it all, as before.
import type { Config } from '../config.ts';
import { grantAppPrivileges, roleOfUrl } from './appRole.ts';
import { connect, engineOf, migrate, type Db } from './connect.ts';

export async function prepareDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'>,
  app: Db,
  asOwner?: (owner: Db) => Promise<void>,
): Promise<void> {
  const ownerUrl = config.MIGRATION_DATABASE_URL;
  if (!ownerUrl) {
    await migrate(app);
    await asOwner?.(app);
    return;
  }
  if (engineOf(config.DATABASE_URL) !== 'pg') throw new Error('MIGRATION_DATABASE_URL needs a postgres:// DATABASE_URL');
  const owner = connect(ownerUrl, { poolMax: 2 });
  try {
    await migrate(owner);
    await asOwner?.(owner);
    const appRole = roleOfUrl(config.DATABASE_URL);
    if (appRole !== roleOfUrl(ownerUrl)) await grantAppPrivileges(owner, appRole);
  } finally {
    await owner.destroy();
  }
}
