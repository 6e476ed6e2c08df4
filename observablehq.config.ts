// Framework configuration. Keep: globalStylesheets [] (no Google Fonts on an intranet), the footer
// (no link out), and the output folder taken from DIXIAN_OUT so the build can write beside the live site.
import { readTowns } from "./src/data/town-list.ts";
import { readBanks } from "./src/data/bank-list.ts";
import { readCounties } from "./src/data/county-list.ts";
import { PER_TOWN_LISTS } from "./src/data/household-list.ts";
import { readReportPeriods } from "./src/data/report-periods.ts";

const builtAt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "long",
  timeStyle: "short",
}).format(new Date());

// One page per town: the sidebar lists them and dynamicPaths tells the build which to render. Each town
// also gets its own page of each household list (PER_TOWN_LISTS: /worklist/<town>, /insurance-worklist/<town>,
// /risk-links/<town>, /leads/<town>, /checks/<town>; DOMAIN.md §9, so hosting can restrict it to the town's cadres), except in a
// public build, which carries no household list at all.
const towns = await readTowns();
const isPublic = process.env.DIXIAN_PUBLIC === "1";
// One page per bank (金融帮扶), by a short hash of its name.
const banks = await readBanks();
// A prefecture's or province's warehouse (several counties): a county ranking page with the roll-ups above the
// county and one page per county. A one-county site has neither.
const counties = await readCounties();
const countyPages = counties.length > 1
  ? [{ name: "县域", collapsible: true, open: false, pages: [{ name: "县域排名", path: "/counties" }, ...counties.map((county) => ({ name: county.name, path: `/county/${county.code}` }))] }]
  : [];
// One 半年考核报告 per half-year with data (/report/<YYYY-Hn>); a town's report is the same page with ?town=<code>.
// Aggregates only, so public builds have them too.
const reportPeriods = await readReportPeriods();

export default {
  title: "底线 · 防止返贫监测",
  root: "src",
  output: process.env.DIXIAN_OUT ?? "dist",
  lang: "zh-CN",
  globalStylesheets: [],
  style: "style.css",
  // An empty icon: otherwise the browser asks for /favicon.ico and logs a 404 on every page.
  head: `<link rel="icon" href="data:,">`,
  footer: `底线 Dixian · 数据构建于 ${builtAt}`,
  search: false,
  pager: false,
  pages: [
    { name: "总览", path: "/" },
    ...countyPages,
    { name: "半年考核报告", path: "/report/" },
    {
      name: "县级监测",
      pages: [
        { name: "监测帮扶", path: "/monitoring" },
        { name: "三保障和收入", path: "/guarantees" },
        { name: "比对预警", path: "/leads" },
      ],
    },
    {
      name: "保险",
      pages: [
        { name: "保险保障", path: "/insurance" },
        { name: "理赔时效", path: "/insurance-claims" },
        { name: "保险兜底成效", path: "/insurance-effect" },
      ],
    },
    { name: "乡镇", collapsible: true, open: false, pages: towns.map((town) => ({ name: town.name, path: `/town/${town.code}` })) },
    {
      name: "金融帮扶",
      pages: [
        { name: "金融帮扶总览", path: "/finance" },
        { name: "政策例外清单", path: "/policy" },
        { name: "银行考核", path: "/scorecard" },
        { name: "风险关联清单（按乡镇）", path: "/risk-links" },
      ],
    },
    { name: "银行", collapsible: true, open: false, pages: banks.map((bank) => ({ name: bank.name, path: `/bank/${bank.slug}` })) },
    { name: "工作清单", pages: [{ name: "干部工作清单（按乡镇）", path: "/worklist" }, { name: "保险保障工作清单（按乡镇）", path: "/insurance-worklist" }, { name: "疑点清单（按乡镇）", path: "/checks" }] },
    {
      name: "说明",
      pages: [
        { name: "指标说明", path: "/indicators" },
        { name: "数据质量", path: "/quality" },
      ],
    },
  ],
  // Each town's household lists are their own pages and data files, linked from their index pages
  // (/worklist, /insurance-worklist, /risk-links, /leads, /checks), not in the sidebar.
  dynamicPaths: [
    ...towns.map((town) => `/town/${town.code}`),
    ...(isPublic ? [] : PER_TOWN_LISTS.flatMap((list) => towns.map((town) => `/${list}/${town.code}`))),
    ...banks.map((bank) => `/bank/${bank.slug}`),
    ...(counties.length > 1 ? ["/counties", ...counties.map((county) => `/county/${county.code}`)] : []),
    ...reportPeriods.map((period) => `/report/${period}`),
  ],
};
