// npm run user:create -- --email E --role R [--name N]
// The password is read from stdin (piped) or a hidden prompt — never from argv, where it would
// land in shell history and the process list.
import { ROLES, type Role } from '../shared/enums.ts';
import { loadConfig } from '../server/config.ts';
import { connect } from '../server/db/connect.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { HttpError } from '../server/errors.ts';
import { createUser } from '../server/resources/users/service.ts';
import { cliArgs } from './args.ts';
import { readPassword } from './readPassword.ts';

const args = cliArgs({ email: 'string', role: 'string', name: 'string' });
const email = typeof args.email === 'string' ? args.email.trim().toLowerCase() : '';
const role = args.role as Role;
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('--email is required');
if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
const name = typeof args.name === 'string' ? args.name : email.split('@')[0];

const password = await readPassword('Password (min 12 characters): ');
const config = loadConfig();
const db = connect(config.DATABASE_URL);
try {
  await prepareDatabase(config, db);
  const id = await createUser({ db }, { email, name, role, password }, { actorId: null, at: new Date().toISOString(), ip: 'cli' });
  console.log(`Created ${role} ${email} (${id})`);
} catch (err) {
  console.error(err instanceof HttpError ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
