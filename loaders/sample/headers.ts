// Canonical headers of DOMAIN.md §6, in order. The generator writes exactly these (one bank varies them the
// way real ledgers do: no 数据期, or amounts in 万元), because the headers are the loaders' contract.

export type ExtractName = "households" | "loans" | "policies" | "claims" | "villages" | "monitoring_lines" | "county_stats";

export const HEADERS: Record<ExtractName, readonly string[]> = {
  households: [
    "数据期", "户编号", "户主姓名", "证件号码", "联系电话", "区划代码", "家庭人口数", "劳动力人数", "户类型", "是否监测对象",
    "监测对象类别", "风险发现日期", "识别监测日期", "致贫返贫风险", "风险是否消除", "风险消除方式", "风险消除日期", "整户无劳动能力",
    "帮扶措施", "首次帮扶日期", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "人均纯收入", "住房安全",
    "义务教育保障", "基本医疗保险", "饮水安全", "帮扶责任人",
  ],
  loans: [
    "数据期", "金融机构", "贷款编号", "借款人类型", "借款人名称", "证件号码", "户编号", "区划代码", "贷款品种", "合同金额", "发放日期",
    "到期日期", "贷款余额", "年利率", "贴息金额", "担保方式", "五级分类", "逾期本金", "逾期天数", "是否续贷", "是否展期", "带动脱贫人口",
  ],
  policies: ["保单号", "保险机构", "险种", "投保方式", "证件号码", "户编号", "区划代码", "被保险人数", "保费", "财政补贴", "保险金额", "起保日期", "终止日期"],
  claims: ["赔案号", "保单号", "险种", "证件号码", "户编号", "区划代码", "出险原因", "出险日期", "报案日期", "赔付日期", "赔付金额", "未决赔款"],
  villages: ["区划代码", "村名称", "乡镇代码", "乡镇名称", "县代码", "县名称", "农村户数", "农村人口", "是否脱贫村"],
  monitoring_lines: ["年度", "区划代码", "监测线"],
  county_stats: ["年度", "县代码", "常住人口", "地区生产总值(万元)", "农村居民人均可支配收入"],
};

/** Loan amount columns: a bank that reports in 万元 renames them `合同金额(万元)` and divides by 10,000. */
export const LOAN_AMOUNT_COLUMNS = ["合同金额", "贷款余额", "贴息金额", "逾期本金"] as const;
