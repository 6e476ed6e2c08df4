import { describe, expect, it } from "vitest";
import { rngFor } from "../../loaders/sample/prng.ts";

describe("rngFor", () => {
  it("repeats a stream for the same seed and keys, and separates streams by key and seed", () => {
    const draw = (seed: number, key: string) => Array.from({ length: 5 }, ((r) => () => r.next())(rngFor(seed, key)));
    expect(draw(1, "x")).toEqual(draw(1, "x"));
    expect(draw(1, "x")).not.toEqual(draw(1, "y"));
    expect(draw(1, "x")).not.toEqual(draw(2, "x"));
  });

  it("draws integers within both bounds and hits each of them", () => {
    const rng = rngFor(3, "int");
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(2, 6);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it("draws log-normal values whose median is about 85% of the mean", () => {
    const rng = rngFor(5, "lognormal");
    const xs = Array.from({ length: 40_000 }, () => rng.logNormalMean(12_000, 0.85)).sort((p, q) => p - q);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(11_700);
    expect(mean).toBeLessThan(12_300);
    expect(xs[xs.length / 2] / mean).toBeGreaterThan(0.82);
    expect(xs[xs.length / 2] / mean).toBeLessThan(0.88);
  });
});
