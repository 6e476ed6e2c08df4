-- Shared helpers for the indicator models (no table).
-- ind_ratio: a rate whose denominator is zero, negative or unknown is empty, never zero (DOMAIN.md §7).
create or replace macro ind_ratio(n, d) as case when d > 0 then n::double / d end;
-- month_add: shift a 'YYYY-MM' month by a number of months.
create or replace macro month_add(month, n) as strftime(strptime(month || '-01', '%Y-%m-%d') + to_months(n::integer), '%Y-%m');
