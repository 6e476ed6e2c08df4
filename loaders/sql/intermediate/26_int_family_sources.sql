-- int_family_sources — grain: indicator family × source type. Which deliveries an indicator family depends on,
-- so its values are incomplete when one of them is missing (DOMAIN.md §7 "Completeness"). scope says which
-- areas a missing source affects: 'town' = the county, the town and the town's villages (a town's roster);
-- 'all' = every area of the counties the source serves (int_source_counties; a bank's ledger or an insurer's
-- file may hold any village of its county).
-- To plug in a family: add a row here. 'department' is the hook for department extracts (DOMAIN.md §10): its
-- source type 'department' has no deliveries yet (int_source_deliveries would add one per department and month).
-- key: family, source_type
create or replace table int_family_sources as
select * from (values
  ('monitoring', 'town_roster', 'town'),
  ('income', 'town_roster', 'town'),
  ('loans', 'bank_ledger', 'all'),
  ('insurance', 'insurer', 'all'),
  ('department', 'department', 'all')
) as t(family, source_type, scope);
