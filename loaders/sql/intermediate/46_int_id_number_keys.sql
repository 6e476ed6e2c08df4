-- int_id_number_keys — grain: 证件号码 (id_number): the one household a record carrying only an ID number is
-- matched to — the household whose latest snapshot is the latest of those holding the number (int_household_keys),
-- so a number shared by two roster households cannot duplicate a record. Policies and claims (int_policies,
-- int_claims) match by 户编号 first (int_household_keys), else here.
-- key: id_number
create or replace table int_id_number_keys as
select id_number, arg_max(household_id, latest_month) as household_id, arg_max(village_code, latest_month) as village_code
from int_household_keys
where id_number is not null
group by id_number;
