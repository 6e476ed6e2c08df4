// The pages of the per-town household lists (工作清单, 保险保障工作清单, 风险关联清单, 比对预警线索清单; DOMAIN.md §9):
// the public build's notice in place of a list, and the index page's directory of towns, each linking to
// `./<section>/<town>`. The lists themselves are only built in internal builds (observablehq.config.ts).
import {tableCard} from "./table-card.js";

/** The notice a public build shows where a household list would be. */
export function publicListNotice(what = "户级工作清单", contact = "县乡村振兴部门"): HTMLElement {
  return Object.assign(document.createElement("div"), {
    className: "notice",
    textContent: `本站为公开版本：按照监测对象信息不公开、农户信息未经授权不得披露的要求，公开版本不含任何${what}。${what}仅在内部版本中提供，请联系${contact}。`
  });
}

interface Area {area_code: string; area_level: string; name?: string | null; parent_code?: string | null}

/** An index page's body: in a public build the notice; otherwise a table of towns, each linking to its list. */
export function townDirectory(meta: {public?: boolean; areas: Area[]}, options: {
  section: string; title: string; page: string; what?: string; contact?: string
}): HTMLElement {
  if (meta.public) return publicListNotice(options.what, options.contact);
  const wrap = document.createElement("div");
  wrap.append(Object.assign(document.createElement("p"), {
    textContent: `${options.title}按乡镇分页，每页只含本乡镇的农户，便于按乡镇设置访问权限（只有本乡镇干部能打开本乡镇的清单）。请选择乡镇：`
  }));
  const rows = meta.areas.filter((d) => d.area_level === "town").map((town) => ({
    name: town.name ?? town.area_code, area_code: town.area_code,
    villages: meta.areas.filter((d) => d.area_level === "village" && d.parent_code === town.area_code).length
  }));
  wrap.append(tableCard(rows, {
    title: `各乡镇${options.title}`, name: "乡镇目录", page: options.page,
    columns: [
      {key: "name", label: "乡镇", href: (row) => `./${options.section}/${row.area_code}`},
      {key: "area_code", label: "乡镇代码"},
      {key: "villages", label: "村数", kind: "count"}
    ]
  }));
  return wrap;
}
