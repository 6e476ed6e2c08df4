// npm run sample -- --out DIR --seed N --households N --months N [--end YYYY-MM] [--defect-rate R] [--format canonical|national]
import { parseArgs } from "node:util";
import { SAMPLE_DIR } from "../paths.ts";
import { generateSampleCounty, SAMPLE_DEFAULTS, type SampleFormat } from "../sample/generate-sample-county.ts";

function numberOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new Error(`--${name} 需要数字，得到 "${text}"`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: SAMPLE_DIR },
      seed: { type: "string" },
      households: { type: "string" },
      months: { type: "string" },
      end: { type: "string", default: SAMPLE_DEFAULTS.end },
      "defect-rate": { type: "string" },
      format: { type: "string", default: SAMPLE_DEFAULTS.format },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write("用法: npm run sample -- --out 目录 --seed 种子 --households 户数 --months 月数 [--end YYYY-MM] [--defect-rate 比例] [--format canonical|national]\n" +
      "  --format national：户信息按全国防返贫监测系统的下载格式写（每人一行、两行标题、县乡村名称、脱贫人口信息与监测对象信息两个文件互相重叠）\n");
    return;
  }
  const started = performance.now();
  const manifest = await generateSampleCounty({
    outDir: values.out,
    seed: numberOption("seed", values.seed, SAMPLE_DEFAULTS.seed),
    households: numberOption("households", values.households, SAMPLE_DEFAULTS.households),
    months: numberOption("months", values.months, SAMPLE_DEFAULTS.months),
    end: values.end,
    defectRate: numberOption("defect-rate", values["defect-rate"], SAMPLE_DEFAULTS.defectRate),
    format: values.format as SampleFormat,
  });
  const s = manifest.summary;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `已生成样例县 ${manifest.county.name}（${manifest.periods.first} 至 ${manifest.periods.last}）：${manifest.files.length} 个文件，` +
      `${s.households} 户，${s.loans} 笔贷款，${s.policies} 张保单，${s.claims} 件理赔，${s.dataRows} 行数据，` +
      `${manifest.defects.length} 处故意缺陷，用时 ${seconds} 秒 → ${values.out}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`生成样例县失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
