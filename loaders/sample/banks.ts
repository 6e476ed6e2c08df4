// The county's banks and how each one's office hands over its monthly ledger.
import type { FileFormat } from "./table-writer.ts";

export interface Bank {
  /** 金融机构 as written in the ledger. */
  name: string;
  /** How the file names and titles call it. */
  short: string;
  prefix: string;
  format: FileFormat;
  /** XLSX ledgers: a title row above the header and a 合计 row below the data. */
  titled: boolean;
  /** The ledger has no 数据期 column: the period is only in the file name (e.g. 邮储银行_贷款台账_202503.xlsx). */
  periodInName: boolean;
  /** Amounts in 万元, headers such as 合同金额(万元). */
  tenThousand: boolean;
  dates: "iso" | "slash" | "excel";
  fileStem: string;
  /** What the title row calls the ledger, e.g. 扶贫小额信贷台账. */
  ledgerTitle: string;
  microRate: number;
  /** The bank's own names for the DOMAIN §4 products, where it does not use the canonical one. */
  productNames?: Partial<Record<string, string>>;
}

export const BANKS: Bank[] = [
  { name: "青山县农村商业银行", short: "青山农商银行", prefix: "NS", format: "csv-gb18030", titled: false, periodInName: false, tenThousand: false, dates: "slash", fileStem: "扶贫贷款台账", ledgerTitle: "扶贫贷款台账", microRate: 3.85 },
  { name: "中国邮政储蓄银行青山县支行", short: "邮储银行", prefix: "YC", format: "xlsx", titled: true, periodInName: true, tenThousand: false, dates: "excel", fileStem: "贷款台账", ledgerTitle: "扶贫小额信贷台账", microRate: 3.45, productNames: { 脱贫人口小额信贷: "扶贫小额信贷" } },
  { name: "中国农业银行青山县支行", short: "农业银行", prefix: "NH", format: "xlsx", titled: true, periodInName: false, tenThousand: true, dates: "iso", fileStem: "金融精准扶贫贷款台账", ledgerTitle: "金融精准扶贫贷款台账", microRate: 3.45 },
  { name: "青山富民村镇银行", short: "青山富民村镇银行", prefix: "CZ", format: "csv-utf8-bom", titled: false, periodInName: false, tenThousand: false, dates: "iso", fileStem: "贷款台账", ledgerTitle: "贷款台账", microRate: 3.85, productNames: { 脱贫人口小额信贷: "脱贫人口小额贷款", 创业担保贷款: "富民创业担保贷" } },
  { name: "中国建设银行青山县支行", short: "建设银行", prefix: "JH", format: "csv-gb18030", titled: false, periodInName: false, tenThousand: false, dates: "iso", fileStem: "扶贫贷款明细", ledgerTitle: "扶贫贷款明细", microRate: 3.65, productNames: { 个人精准扶贫贷款: "惠农e贷" } },
];

/** Share of the county's microcredit each bank holds (the rural credit cooperative lends most). */
export const MICRO_SHARE = [55, 20, 15, 5, 5];
