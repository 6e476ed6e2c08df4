-- source_completeness — grain: source × month (every calendar month of int_periods).
-- The delivery grid of the 数据质量 page: source_type ('town_roster' | 'bank_ledger' | 'insurer'), source_key
-- (9-digit town code / bank name / insurer name), source_name (the town's name, else the key), month, delivered,
-- rows (accepted rows of the month), missing (not delivered though delivered in an earlier month: the rule that
-- makes indicators incomplete, see int_indicator_completeness).
-- key: source_type, source_key, month
create or replace table source_completeness as
select source_type, source_key, source_name, month, delivered, rows, missing
from int_source_deliveries
order by source_type, source_key, month;
