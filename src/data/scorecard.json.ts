// 银行考核 page data: the county's scorecard settings (weights, scales, formulas, cut-offs) and the results by
// evaluation period: totals, grades, ranks, changes (bank_scorecard) and each item's points (bank_scorecard_items).
import { bankSlug } from "./bank-list.ts";
import { runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const [settings] = await warehouse.query("select * from cfg_scorecard_settings");
  const results = await warehouse.query("select * from bank_scorecard order by period, rank, institution");
  return {
    settings,
    items: await warehouse.query("select code, name, weight, zero_value, full_value, formula from cfg_scorecard order by item_order"),
    results: results.map((r) => ({ ...r, slug: bankSlug(String(r.institution)) })),
    points: await warehouse.query("select period, institution, item, item_name, value, points, weight from bank_scorecard_items order by period, institution, item_order"),
  };
});
