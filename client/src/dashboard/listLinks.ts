// Links from the home page into the lists, already filtered and sorted for the work.
const listUrl = (resource: string, filter: object, sort?: [string, 'ASC' | 'DESC']) => {
  const params = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    params.set('sort', sort[0]);
    params.set('order', sort[1]);
  }
  return `/${resource}?${params}`;
};

export const AWAITING_APPROVAL = ['pending', 'pending_second_approval'];

export const payoutsToApproveUrl = () => listUrl('payouts', { status: AWAITING_APPROVAL }, ['created_at', 'ASC']);

/** Disputes waiting for an answer, due by `to` (overdue ones included: they are the most urgent). */
export const disputesDueUrl = (to: string) =>
  listUrl('disputes', { status: 'needs_response', response_due_date_lte: to }, ['response_due_date', 'ASC']);
