// npm run db:migrate
import { loadConfig } from '../server/config.ts';
import { connect, migrate } from '../server/db/connect.ts';

const config = loadConfig();
const db = connect(config.DATABASE_URL);
await migrate(db);
console.log(`Migrated ${config.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')}`);
await db.destroy();
