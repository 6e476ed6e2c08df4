// Framework configuration. Keep: globalStylesheets [] (no Google Fonts on an intranet), the footer
// (no link out), and the output folder taken from DIXIAN_OUT so the build can write beside the live site.
const builtAt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "long",
  timeStyle: "short",
}).format(new Date());

export default {
  title: "底线 · 防止返贫监测",
  root: "src",
  output: process.env.DIXIAN_OUT ?? "dist",
  lang: "zh-CN",
  globalStylesheets: [],
  footer: `底线 Dixian · 数据构建于 ${builtAt}`,
  search: false,
  pages: [],
};
