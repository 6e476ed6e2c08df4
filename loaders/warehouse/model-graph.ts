// The model graph: what each SQL model file creates and reads, derived from its SQL, and the order to run
// the models in. Like dbt's ref(), but read off the SQL itself, so a model cannot name one input and use
// another: DuckDB's own parser (json_serialize_sql) gives the tables a query reads, which keeps CTE names,
// column names and `extract(year from d)` from being mistaken for tables.
import { readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";

export interface SqlModel {
  /** The file, as given. */
  file: string;
  /** The path under the models folder, e.g. `marts/areas.sql`: how messages and the docs name the model. */
  path: string;
  /** Tables, views and macros the file creates, in statement order. */
  creates: string[];
  /** Tables and views the file reads that it does not create itself, sorted. */
  reads: string[];
  /** Functions the file calls (built-in or a macro of another model), sorted. */
  calls: string[];
}

export interface ModelPlan {
  /** The models in run order: every model after the models it reads; ties by created name, then path. */
  order: SqlModel[];
  /** For each model path, the paths of the models it reads from, sorted. */
  inputs: Map<string, string[]>;
  /** For each model path, the tables it reads that no model creates (staging, bookkeeping, settings, catalog). */
  sources: Map<string, string[]>;
}

/** A graph that cannot run: a cycle, a table nobody creates, two models creating one table, unreadable SQL. */
export class ModelGraphError extends Error {}

/** The SQL without comments, split into statements on semicolons outside quotes. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      current += "\n";
    } else if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 1;
      current += " ";
    } else if (ch === "'" || ch === '"') {
      // a quoted string or identifier; a doubled quote stays inside it
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j;
    } else if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

const NAME = String.raw`("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`;
const CREATE_AS = new RegExp(
  String.raw`^create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?(table|view)\s+(?:if\s+not\s+exists\s+)?${NAME}\s+as\s+([\s\S]+)$`, "i");
const CREATE_COLUMNS = new RegExp(
  String.raw`^create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?table\s+(?:if\s+not\s+exists\s+)?${NAME}\s*\(`, "i");
const CREATE_MACRO = new RegExp(
  String.raw`^create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?(?:macro|function)\s+${NAME}\s*\([^)]*\)\s+as\s+(table\s+)?([\s\S]+)$`, "i");
const INSERT = new RegExp(String.raw`^insert\s+(?:or\s+replace\s+)?into\s+${NAME}\s*(?:\([^)]*\)\s*)?([\s\S]+)$`, "i");

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
}

interface QueryRefs {
  tables: Set<string>;
  functions: Set<string>;
}

/**
 * Tables (minus the query's own CTE names) and functions a query reads, from DuckDB's parse tree. A query
 * the serializer cannot read (a PIVOT without an IN list needs the data to bind) takes its tables from the
 * file's `-- reads:` line instead; without one it is refused.
 */
async function queryRefs(conn: DuckDBConnection, query: string, where: string, declared: string[] | null): Promise<QueryRefs> {
  const reader = await conn.runAndReadAll("select json_serialize_sql($1::varchar) as tree", [query]);
  const tree = JSON.parse(String(reader.getRowObjectsJS()[0].tree));
  if (tree.error) {
    if (declared) return { tables: new Set(declared), functions: new Set() };
    throw new ModelGraphError(
      `${where}：无法从 SQL 读出它读取的表（${tree.error_message}）。请改写该语句，或在文件头写一行「-- reads: 表1, 表2」列出它读取的表。`,
    );
  }
  const tables = new Set<string>();
  const ctes = new Set<string>();
  const functions = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "BASE_TABLE" && typeof n.table_name === "string") {
      // system catalogs (information_schema.tables, pg_catalog...) are nobody's model
      if (!n.schema_name || n.schema_name === "main") tables.add(n.table_name.toLowerCase());
    }
    if (typeof n.function_name === "string") functions.add(n.function_name.toLowerCase());
    const cteMap = n.cte_map as { map?: { key: string }[] } | undefined;
    for (const entry of cteMap?.map ?? []) ctes.add(entry.key.toLowerCase());
    Object.values(n).forEach(walk);
  };
  walk(tree);
  for (const cte of ctes) tables.delete(cte);
  return { tables, functions };
}

/** Reads one model file: what it creates and what it reads. */
export async function readModel(conn: DuckDBConnection, file: string, path: string, sql = readFileSync(file, "utf-8")): Promise<SqlModel> {
  const creates: string[] = [];
  const made = { tables: [] as string[], macros: [] as string[] };
  const tables = new Set<string>();
  const functions = new Set<string>();
  // the fallback for a statement DuckDB cannot serialize: tables named in a `-- reads: a, b` header line
  const declared = sql.match(/^-- reads:\s*(.+)$/m)?.[1].split(",").map((t) => t.trim().toLowerCase()).filter(Boolean) ?? null;
  const add = (refs: QueryRefs) => {
    refs.tables.forEach((t) => tables.add(t));
    refs.functions.forEach((f) => functions.add(f));
  };
  for (const statement of splitStatements(sql)) {
    const where = `SQL 模型 ${path}`;
    let match: RegExpMatchArray | null;
    if ((match = statement.match(CREATE_AS))) {
      made.tables.push(unquote(match[2]));
      creates.push(unquote(match[2]));
      add(await queryRefs(conn, match[3], where, declared));
    } else if ((match = statement.match(CREATE_COLUMNS))) {
      made.tables.push(unquote(match[1]));
      creates.push(unquote(match[1]));
    } else if ((match = statement.match(CREATE_MACRO))) {
      made.macros.push(unquote(match[1]));
      creates.push(unquote(match[1]));
      add(await queryRefs(conn, match[2] ? match[3] : `select ${match[3]}`, where, declared));
    } else if ((match = statement.match(INSERT))) {
      tables.add(unquote(match[1]));
      add(await queryRefs(conn, match[2], where, declared));
    } else {
      throw new ModelGraphError(
        `${where}：无法识别的语句「${statement.slice(0, 60)}…」。模型只能用 create table/view … as、create macro 和 insert into。`,
      );
    }
  }
  // one model per file, so that a file name finds the model; macros live in files named for macros
  if (made.tables.length > 1) {
    throw new ModelGraphError(`SQL 模型 ${path} 创建了多个表：${made.tables.join("、")}。每个文件只放一个模型，请拆成多个文件。`);
  }
  if (made.macros.length > 0 && (made.tables.length > 0 || !/macros/.test(path))) {
    throw new ModelGraphError(`SQL 模型 ${path} 创建了宏 ${made.macros.join("、")}：宏放在文件名含 macros 的单独文件里（如 05_int_macros.sql）。`);
  }
  for (const own of creates) {
    tables.delete(own);
    functions.delete(own);
  }
  return { file, path, creates, reads: [...tables].sort(), calls: [...functions].sort() };
}

const byKey = (a: SqlModel, b: SqlModel) => {
  const ka = a.creates[0] ?? "";
  const kb = b.creates[0] ?? "";
  return ka < kb ? -1 : ka > kb ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
};

/**
 * Orders the models so that each runs after every model it reads (Kahn's algorithm; among models that are
 * ready at the same time, the one whose first created name sorts first). `available` names the tables that
 * exist before any model runs (what the loader, the settings and the catalog wrote); a model reading a table
 * that neither a model nor `available` holds is refused. Without `available`, such tables are only listed
 * as sources (for the docs).
 */
export function planModels(models: SqlModel[], available?: ReadonlySet<string>): ModelPlan {
  const creator = new Map<string, SqlModel>();
  const problems: string[] = [];
  for (const model of models) {
    for (const name of model.creates) {
      const other = creator.get(name);
      if (other) problems.push(`表 ${name} 由两个模型创建：${other.path} 和 ${model.path}`);
      else creator.set(name, model);
    }
  }
  const inputs = new Map<string, string[]>();
  const sources = new Map<string, string[]>();
  for (const model of [...models].sort(byKey)) {
    const from = new Set<string>();
    const outside: string[] = [];
    for (const table of model.reads) {
      const maker = creator.get(table);
      if (maker) from.add(maker.path);
      else if (available && !available.has(table)) {
        problems.push(`模型 ${model.path} 读取表 ${table}，但没有任何模型或载入步骤创建它`);
      } else outside.push(table);
    }
    // a function is an input only when a model creates it (a macro); built-in functions are not
    for (const fn of model.calls) {
      const maker = creator.get(fn);
      if (maker) from.add(maker.path);
    }
    inputs.set(model.path, [...from].sort());
    sources.set(model.path, outside);
  }
  if (problems.length > 0) throw new ModelGraphError(`SQL 模型依赖有误：\n${problems.map((p) => `  - ${p}`).join("\n")}`);

  const byPath = new Map(models.map((m) => [m.path, m]));
  const waiting = new Map(models.map((m) => [m.path, new Set(inputs.get(m.path))]));
  const order: SqlModel[] = [];
  const ready = models.filter((m) => waiting.get(m.path)!.size === 0);
  while (ready.length > 0) {
    ready.sort(byKey);
    const next = ready.shift()!;
    order.push(next);
    waiting.delete(next.path);
    for (const [path, needs] of waiting) {
      if (needs.delete(next.path) && needs.size === 0) ready.push(byPath.get(path)!);
    }
  }
  if (waiting.size > 0) {
    throw new ModelGraphError(`SQL 模型之间存在循环依赖：${findCycle(waiting).join(" → ")}。请拆开其中一个模型，使依赖成为单向。`);
  }
  return { order, inputs, sources };
}

/** One cycle among the models left waiting (each of them waits on another one left). */
function findCycle(waiting: Map<string, Set<string>>): string[] {
  let path = [...waiting.keys()].sort()[0];
  const seen: string[] = [];
  while (!seen.includes(path)) {
    seen.push(path);
    path = [...waiting.get(path)!].sort()[0];
  }
  return [...seen.slice(seen.indexOf(path)), path];
}
