// npm run db:app-role — PostgreSQL least privilege (docs/security.md, "The database"). Connects
// as the schema's owner (MIGRATION_DATABASE_URL, which needs CREATEROLE for this), migrates, and
// creates the role DATABASE_URL signs in as — or brings it back in line — with only what the app
// needs. Its password is read from stdin or a hidden prompt (empty: leave it as it is).
import { loadConfig } from '../server/config.ts';
import { ensureAppRole, roleOfUrl } from '../server/db/appRole.ts';
import { connect, migrate } from '../server/db/connect.ts';
import { cliArgs } from './args.ts';
import { readPassword } from './readPassword.ts';

cliArgs({});
const config = loadConfig();
if (!config.MIGRATION_DATABASE_URL) {
  console.error('Set MIGRATION_DATABASE_URL (the schema owner) and DATABASE_URL (the app role to create), both postgres:// URLs.');
  process.exit(2);
}
const role = roleOfUrl(config.DATABASE_URL);
const password = await readPassword(`Password for ${role} (empty: keep it): `);
const owner = connect(config.MIGRATION_DATABASE_URL, { poolMax: 1 });
try {
  await migrate(owner);
  await ensureAppRole(owner, role, { password: password || undefined });
  console.log(`Role ${role} may now read and write the app's rows (audit: insert and read only), and nothing else.`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await owner.destroy();
}
