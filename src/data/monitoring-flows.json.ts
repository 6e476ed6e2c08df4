// 监测帮扶 page data (county aggregates only, no household rows), read from the marts monitoring_flows,
// monitoring_stocks and timeliness: identifications by kind and by risk type, eliminations by mode and
// measures of active households by month; timeliness per period (on time, late, pending, overdue, with working
// days); no-labour households by town. Columns keep their mart names (category, active_no_labour, …), so a
// figure on the page can be searched back to its SQL.
import { readPageSettings, runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const settings = await readPageSettings(warehouse);
  const flow = (dimension: string) =>
    warehouse.query(
      `select month, category, households
         from monitoring_flows
        where area_level = 'county' and dimension = $dimension
        order by month, category`,
      { dimension },
    );

  return {
    deadlines: {
      identification: settings.identification_deadline_days,
      firstAssist: settings.first_assist_deadline_days,
    },
    identifiedByKind: await flow("identified_kind"),
    identifiedByRisk: await flow("identified_risk"),
    eliminatedByMode: await flow("eliminated_mode"),
    measuresByType: await flow("active_measure"),
    activeTotals: await warehouse.query(
      `select month, active, active_without_measure, active_no_labour
         from monitoring_stocks where area_level = 'county' order by month`,
    ),
    timeliness: await warehouse.query(
      `select period, stage, status, workdays, households
         from timeliness where area_level = 'county' order by all`,
    ),
    noLabourByTown: await warehouse.query(
      `select month, area_code, active_no_labour
         from monitoring_stocks where area_level = 'town' order by month, area_code`,
    ),
  };
});
