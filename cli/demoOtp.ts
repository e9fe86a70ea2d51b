// npm run demo:otp — the current sign-in code of the demo admins (their TOTP secret is
// DEMO_TOTP_SECRET, README "Demo logins"), so a newcomer can sign in without an authenticator
// app. The code alone on stdout (for scripts); how long it stays valid on stderr.
import { loadConfig } from '../server/config.ts';
import { PERIOD_SECONDS, totpCode } from '../server/auth/mfa/totp.ts';

const { DEMO_TOTP_SECRET } = loadConfig();
const now = Date.now();
console.log(totpCode(DEMO_TOTP_SECRET, now));
const left = PERIOD_SECONDS - (Math.floor(now / 1000) % PERIOD_SECONDS);
console.error(`for admin@example.com and admin2@example.com; valid for ${left} more seconds (each code signs in once)`);
