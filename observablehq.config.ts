export default {
  title: "底线 Dixian",
  root: "src",
  lang: "zh-CN",
  globalStylesheets: [],
  footer: "Dixian",
};
