// What the screens say at a glance (issue 13): payout review markers, why a session ended, a
// missing record, who works a dispute, access denied, how amounts sort. Spread into app.screens by
// ../en.ts; es.ts and pt.ts beside it have the same keys (i18n.test.ts checks).
export const screensEn = {
  payout: {
    needs_one: 'Needs 1 approval',
    needs_two: 'Needs 2 approvals',
    given: '%{given} of %{required} given',
    balance_short: 'Balance short',
    balance_short_help: 'The merchant\u2019s available balance does not cover this payout: approving would be refused.',
    needs_two_help: 'At or above the dual-approval amount: two different admins must approve.',
    declined_by: 'Declined by',
    not_approved: 'Declined before any approval',
    no_approvals_recorded: 'No approvals recorded',
    approve_refused_short: 'The available balance does not cover this payout: the server would refuse the approval.',
  },
  session: {
    idle: 'You were signed out after a period without activity. Sign in again to continue where you were.',
    expired: 'Your session reached its maximum length and ended. Sign in again to continue where you were.',
    disabled: 'Your account has been disabled. Ask an administrator.',
    ended: 'You were signed out: in another tab or window, on another device, or because your password or role changed.',
    throttled_seconds: 'Too many failed sign-in attempts. Try again in %{smart_count} second. |||| Too many failed sign-in attempts. Try again in %{smart_count} seconds.',
    throttled_minutes: 'Too many failed sign-in attempts. Try again in %{smart_count} minute. |||| Too many failed sign-in attempts. Try again in %{smart_count} minutes.',
    throttled_later: 'Too many failed sign-in attempts. Try again later.',
  },
  not_found: {
    title: 'No %{name} with this id',
    help: 'It may have been mistyped or cut short when copied, or it belongs to another environment. Ids are shown in full on every record, with a copy button.',
    failed_title: 'This %{name} could not be loaded',
    failed_help: 'The server did not answer as expected. Try again in a moment.',
    back: 'Back to %{name}',
  },
  access: {
    title: 'Not available to your role',
    help: 'Your role cannot open %{name}. If you need it for your work, ask an administrator.',
    home: 'Go to the home page',
  },
  sort: {
    amount_across_currencies: 'Sorted by amount as a number in each currency\u2019s smallest unit, with no exchange rate: \u00a5500 sorts with $5.00. Filter by one currency to compare like with like.',
  },
};
