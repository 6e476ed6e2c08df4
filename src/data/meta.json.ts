// Areas, periods with data and the settings pages need (suppression threshold, deadlines, grades),
// plus whether this is a public build (work lists omitted).
import { readPageSettings, runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const areas = await warehouse.query(
    `select area_code, area_level, name, parent_code, households::double as households
       from areas order by area_level, area_code`,
  );
  const periods = await warehouse.query(
    `select period, period_type, first_month, last_month, end_month from periods order by period`,
  );
  return { areas, periods, settings: await readPageSettings(warehouse), public: process.env.DIXIAN_PUBLIC === "1" };
});
