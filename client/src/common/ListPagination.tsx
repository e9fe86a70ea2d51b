// react-admin's Pagination, truthful about capped totals: when the server stopped counting
// (dataProvider's TotalMeta), the range reads "1–25 of more than 10,000" instead of a number
// it does not have. Exact totals keep react-admin's own label.
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
    ({ from, to }: { from: number; to: number }) => translate('app.list.range_more_than', {
      from: formatCount(from, locale), to: formatCount(to, locale), total: formatCount(totalMoreThan ?? to, locale),
    }),
    [translate, locale, totalMoreThan],
  );
  return <Pagination {...props} {...(inexact ? { labelDisplayedRows: label } : {})} />;
}
