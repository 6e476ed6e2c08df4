// Framework configuration. Keep: globalStylesheets [] (no Google Fonts on an intranet), the footer
// (no link out), and the output folder taken from DIXIAN_OUT so the build can write beside the live site.
import { readTowns } from "./src/data/town-list.ts";

const builtAt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "long",
  timeStyle: "short",
}).format(new Date());

// One page per town: the sidebar lists them and dynamicPaths tells the build which to render.
const towns = await readTowns();

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
    {
      name: "县级监测",
      pages: [
        { name: "监测帮扶", path: "/monitoring" },
        { name: "三保障和收入", path: "/guarantees" },
        { name: "比对预警", path: "/leads" },
      ],
    },
    { name: "乡镇", collapsible: true, open: false, pages: towns.map((town) => ({ name: town.name, path: `/town/${town.code}` })) },
    { name: "工作清单", pages: [{ name: "干部工作清单", path: "/worklist" }] },
    {
      name: "说明",
      pages: [
        { name: "指标说明", path: "/indicators" },
        { name: "数据质量", path: "/quality" },
      ],
    },
  ],
  // Each town's lead list (比对预警) is its own page and data file, linked from /leads, not in the sidebar.
  dynamicPaths: [...towns.map((town) => `/town/${town.code}`), ...towns.map((town) => `/leads/${town.code}`)],
};
