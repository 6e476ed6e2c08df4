-- loan_banks — grain: period × bank: the bank pages' and the overview's per-bank figures, as
-- int_bank_periods computes them (reported = false marks a bank missing from the period's last ledger month).
-- key: period, institution
create or replace table loan_banks as
select * from int_bank_periods order by period, institution;
