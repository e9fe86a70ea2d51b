// react-admin's Pagination, truthful about capped totals: when the server stopped counting
// (dataProvider's TotalMeta), the range reads "1–25 of more than 10,000" instead of a number
// it does not have. Exact totals read the same way, "1–25 of 2,070": an en dash and numbers
// grouped as the user's language groups them (issue #13), not react-admin's "1-25 of 2070".
import { useCallback } from 'react';
import { Pagination, useListContext, useTranslate, type PaginationProps } from 'react-admin';
import type { TotalMeta } from '../dataProvider.ts';
import { formatCount } from '../stats/chartFormat.ts';
import { useIntlLocale } from './useIntlLocale.ts';

export function ListPagination(props: PaginationProps) {
  const { meta } = useListContext();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { totalExact, totalMoreThan } = (meta ?? {}) as Partial<TotalMeta>;
  const inexact = totalExact === false && totalMoreThan !== undefined;
  const label = useCallback(
    ({ from, to, count }: { from: number; to: number; count: number }) => translate(inexact ? 'app.list.range_more_than' : 'app.list.range', {
      from: formatCount(from, locale),
      to: formatCount(to, locale),
      // MUI's count is -1 when the total is unknown: the end of the range is all we know.
      total: formatCount(inexact ? (totalMoreThan ?? to) : count >= 0 ? count : to, locale),
    }),
    [translate, locale, inexact, totalMoreThan],
  );
  // react-admin hands the rest of its props to MUI's TablePagination, which takes the label;
  // its PaginationProps type does not name it.
  const tablePaginationProps = { labelDisplayedRows: label };
  return <Pagination {...props} {...tablePaginationProps} />;
}
