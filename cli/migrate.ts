// npm run db:migrate — as the schema's owner (MIGRATION_DATABASE_URL, else DATABASE_URL); with
// both set, the app role's table privileges are re-applied afterwards (server/db/prepare.ts).
import { loadConfig } from '../server/config.ts';
import { connect } from '../server/db/connect.ts';
import { prepareDatabase } from '../server/db/prepare.ts';

const config = loadConfig();
const db = connect(config.DATABASE_URL);
await prepareDatabase(config, db);
console.log(`Migrated ${(config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL).replace(/\/\/[^@]*@/, '//…@')}`);
await db.destroy();
