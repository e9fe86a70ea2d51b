import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { FilterList, FilterListItem } from 'react-admin';
import { SEED_CURRENCIES } from '../../../../shared/currencies.ts';
import { amountRangeFilters, currencyFilter, merchantFilter } from '../../common/filterInputs.tsx';

export const balanceFilters = [merchantFilter(true), currencyFilter(), ...amountRangeFilters('available')];

export function BalanceSidebar() {
  return (
    <FilterList label="app.filter.currency" icon={<CurrencyExchangeIcon />}>
      {SEED_CURRENCIES.map((c) => <FilterListItem key={c} label={c} value={{ currency: c }} />)}
    </FilterList>
  );
}
