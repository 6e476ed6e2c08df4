// 数据质量 page: insurers' product names and the 险种大类 each was classified into (insurance_products mart);
// the unclassified ones (no keyword rule matched → 其他) first, for the data administrator.
import { runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => ({
  products: await warehouse.query(`
    select insurer, product, line_class, matched_keyword, unclassified, policies, premium, claims, paid
      from insurance_products order by unclassified desc, insurer, product`),
}));
