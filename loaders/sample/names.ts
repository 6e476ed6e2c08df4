// Invented people and places. Names are drawn from common characters; none refers to a real person.
import type { Rng } from "./prng.ts";

// Common surnames with rough frequency weights (王李张刘陈 lead, as in the national census).
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林", "龙", "杜", "潘", "韦", "田", "石", "吴", "蒙", "向", "冉", "邓", "彭", "曾", "肖", "蒋", "谢"];
const SURNAME_WEIGHTS = [7.2, 7.1, 6.8, 5.4, 4.5, 3.1, 2.2, 2.0, 2.0, 1.9, 1.7, 1.5, 1.3, 1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.6, 0.5, 0.5, 0.5, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6];
const GIVEN_MALE = "国建明华军志强文平勇伟军林德永成光荣贵福兴学海云昌忠祥发顺金江山才义富友春生正先开红".split("");
const GIVEN_FEMALE = "秀英芳桂兰玉珍凤梅丽琴燕萍敏霞红艳春花琼莲翠娟美月淑素清香菊仙小".split("");

export function personName(rng: Rng, male: boolean): string {
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const chars = male ? GIVEN_MALE : GIVEN_FEMALE;
  const given = rng.chance(0.8) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
  return surname + given;
}

const PHONE_PREFIXES = ["13", "15", "18", "17", "19", "14", "16"];

/** An 11-digit mobile number 1[3-9]xxxxxxxxx. */
export function phoneNumber(rng: Rng): string {
  let out = rng.weighted(PHONE_PREFIXES, [30, 25, 25, 8, 6, 3, 3]);
  for (let i = 0; i < 9; i++) out += String(rng.int(0, 9));
  return out;
}

/** Fifteen invented towns; the first is the county seat. */
export const TOWN_NAMES = [
  "青山镇", "石门镇", "龙潭镇", "白岩镇", "茶园镇", "桃花乡", "云雾镇", "双河镇", "落水乡", "松林镇", "新田镇", "长岭乡",
  "高坡乡", "清水镇", "马场镇", "鹿鸣乡", "金竹镇",
];

const VILLAGE_HEADS = "大小上下新老高红青白黄金银石木竹松桃杨柳梨茶花龙凤鹿马牛羊岩坡坪坝溪沟河湾塘田冲山岭寨".split("");
const VILLAGE_TAILS = ["坪", "寨", "坝", "湾", "沟", "堡", "塘", "岩", "冲", "坡", "田", "林", "河", "庄", "场", "桥"];

/** A village name such as 杨柳坪村, unique within `taken`. */
export function villageName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const first = rng.pick(VILLAGE_HEADS);
    const second = rng.chance(0.6) ? rng.pick(VILLAGE_HEADS) : "";
    const tail = rng.pick(VILLAGE_TAILS);
    if (second === first || tail === second || tail === first) continue;
    const name = first + second + tail + "村";
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const FIRM_WORDS = ["绿源", "山泉", "云岭", "金穗", "丰收", "兴农", "茶香", "牧歌", "田园", "青禾", "瑞丰", "百草", "林海", "高原", "富民"];
const FIRM_TRADES = [
  { trade: "茶叶种植", kind: "合作社" }, { trade: "中药材种植", kind: "合作社" }, { trade: "生猪养殖", kind: "合作社" },
  { trade: "肉牛养殖", kind: "合作社" }, { trade: "食用菌", kind: "合作社" }, { trade: "农业开发", kind: "企业" },
  { trade: "农产品加工", kind: "企业" }, { trade: "生态农业", kind: "企业" }, { trade: "刺梨加工", kind: "企业" },
] as const;

/** A cooperative or company name in the county, e.g. 青山县绿源茶叶种植专业合作社. */
export function firmName(rng: Rng, countyName: string, place: string): { name: string; kind: "企业" | "合作社" } {
  const word = rng.pick(FIRM_WORDS);
  const { trade, kind } = rng.pick(FIRM_TRADES);
  const name = kind === "合作社" ? `${countyName}${place}${word}${trade}专业合作社` : `${countyName}${word}${trade}有限公司`;
  return { name, kind };
}
