-- int_source_counties — grain: source (bank ledger by 金融机构, insurer by 保险机构) × county it serves.
-- A warehouse may hold several counties; a bank's or insurer's missing delivery makes incomplete only the
-- figures of the counties its records are placed in (int_loan_months, int_policies, int_claims county_code),
-- not every county of the province (DOMAIN.md §7 "Completeness"). A source none of whose records is placed
-- has no row here; int_indicator_completeness then marks every area, as before.
-- key: source_type, source_key, county_code
create or replace table int_source_counties as
select distinct 'bank_ledger' as source_type, institution as source_key, county_code
from int_loan_months
where institution is not null and county_code is not null
union
select distinct 'insurer', insurer, county_code
from int_policies
where insurer is not null and county_code is not null
union
select distinct 'insurer', insurer, county_code
from int_claims
where insurer is not null and county_code is not null;
