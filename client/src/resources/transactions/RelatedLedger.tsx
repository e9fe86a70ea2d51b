// Ledger entries that belong to another record: those a refund, payout or dispute caused (by
// source id), or a balance's (by merchant and currency).
import { RelatedList, type RelatedOf } from '../../common/RelatedList.tsx';
import { ledgerColumns, ledgerMobile } from './ledgerColumns.tsx';

export function RelatedLedger({ title = 'app.show.ledger', ...props }: RelatedOf) {
  return (
    <RelatedList title={title} reference="transactions" mobile={ledgerMobile} {...props}>
      {ledgerColumns()}
    </RelatedList>
  );
}
