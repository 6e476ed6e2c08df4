// Every published indicator for the county, all periods (the overview's KPI cards and trend lines).
import { runLoader } from "./warehouse.ts";
import { publishedIndicators } from "./indicator-rows.ts";

runLoader((warehouse) => publishedIndicators(warehouse, "i.area_level = 'county'"));
