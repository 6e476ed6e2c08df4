-- Shared helpers for the indicator models (no table).
-- ind_ratio: a rate whose denominator is zero, negative or unknown is empty, never zero (DOMAIN.md §7).
create or replace macro ind_ratio(n, d) as case when d > 0 then n::double / d end;
-- ind_value: an indicator's value from its numerator and denominator, by formula: 'amount' (an amount or a
-- count, its own value), 'ratio' (a rate or a mean: ind_ratio), 'growth' (the ratio − 1).
create or replace macro ind_value(formula, n, d) as
  case formula when 'amount' then n::double when 'growth' then ind_ratio(n, d) - 1 else ind_ratio(n, d) end;
-- area_levels: the areas a record placed by its own codes counts for (loans, policies, claims: DOMAIN.md §7), as a
-- list of {area_code, area_level}: its village, its town and its county, each when known. Spread a record with
-- `select …, unnest(area_levels(village_code, town_code, county_code), recursive := true) from t`, which adds the
-- columns area_code and area_level. Households, placed by their village alone, join int_area_rollup instead.
-- (The lambda's parameter has a name no table uses: a column of that name would shadow it.)
create or replace macro area_levels(village_code, town_code, county_code) as list_filter(
  [{'area_code': village_code, 'area_level': 'village'}, {'area_code': town_code, 'area_level': 'town'},
   {'area_code': county_code, 'area_level': 'county'}],
  lambda area_level_entry: area_level_entry.area_code is not null);
-- month_add: shift a 'YYYY-MM' month by a number of months.
create or replace macro month_add(month, n) as strftime(strptime(month || '-01', '%Y-%m-%d') + to_months(n::integer), '%Y-%m');
