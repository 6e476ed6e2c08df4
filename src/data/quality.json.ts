// 数据质量 page data: load log and aggregated rejections from the warehouse (values already masked by the
// loader). A public build (DIXIAN_PUBLIC=1) leaves out the rejected-row details.
import { qualityReport } from "../../loaders/load/quality-report.ts";
import { runLoader } from "./warehouse.ts";

runLoader(async (warehouse) =>
  qualityReport((sql) => warehouse.query(sql), {
    omitDetails: process.env.DIXIAN_PUBLIC === "1",
    hasAreas: await warehouse.hasTable("areas"),
  }),
);
