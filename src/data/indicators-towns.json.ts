// Every published indicator for every town, all periods (rankings and by-town charts).
import { runLoader } from "./warehouse.ts";
import { publishedIndicators } from "./indicator-rows.ts";

runLoader((warehouse) => publishedIndicators(warehouse, "i.area_level = 'town'"));
