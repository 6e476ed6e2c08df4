-- int_loans — grain: loan (金融机构 + 贷款编号), over every monthly ledger that carries it.
-- Descriptive fields (product, borrower, amount, area) come from the loan's latest ledger row, the best
-- current knowledge. first_maturity is the maturity of the loan's first ledger row (before any 展期), which
-- gives the contract term; maturities counts the distinct maturities the ledgers showed (each change is an
-- extension). renewed/extended say whether any month flagged 是否续贷/是否展期. borrower_key identifies the
-- borrower across loans: the matched roster household, else the 证件号码, else the loan itself.
-- key: institution, loan_id
create or replace table int_loans as
with by_loan as (
  select
    institution,
    loan_id,
    min(ledger_month) as first_month,
    max(ledger_month) as last_month,
    count(*) as months_reported,
    arg_max(product, ledger_month) as product,
    arg_max(product_class, ledger_month) as product_class,
    arg_max(borrower_type, ledger_month) as borrower_type,
    arg_max(borrower_name, ledger_month) as borrower_name,
    arg_max(id_number, ledger_month) as id_number,
    arg_max(roster_household_id, ledger_month) as roster_household_id,
    arg_max(match_method, ledger_month) as match_method,
    arg_max(contract_amount, ledger_month) as contract_amount,
    arg_max(issue_date, ledger_month) as issue_date,
    arg_min(maturity_date, ledger_month) as first_maturity,
    arg_max(maturity_date, ledger_month) as last_maturity,
    count(distinct maturity_date) as maturities,
    arg_min(annual_rate, ledger_month) as annual_rate,
    bool_or(is_renewal) as renewed,
    bool_or(is_extension) as extended,
    arg_max(village_code, ledger_month) as village_code,
    arg_max(town_code, ledger_month) as town_code,
    arg_max(county_code, ledger_month) as county_code,
    max(people_driven) as people_driven
  from int_loan_months
  group by institution, loan_id
)
select
  *,
  coalesce(roster_household_id, id_number, institution || '/' || loan_id) as borrower_key
from by_loan;
