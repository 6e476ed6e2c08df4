// The indicator catalog as the warehouse holds it: drives labels, units, directions and 指标说明.
import { runLoader } from "./warehouse.ts";

runLoader((warehouse) =>
  warehouse.query(
    `select code, name_zh, name_en, formula_zh, unit, higher_is_better, target::double as target,
            kind, source_fields, family
       from indicator_catalog`,
  ),
);
