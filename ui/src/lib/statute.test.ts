import { describe, expect, it } from "vitest";
import type { StatuteValues } from "./bindings/StatuteValues";
import { en } from "./i18n/en";
import { fa } from "./i18n/fa";
import {
  PARAMS,
  STATUTE_GROUPS,
  STATUTE_PARAMS,
  canonicalDecimal,
  changedParams,
  formatStatuteValue,
  fractionText,
  paramsOfField,
  sameStatuteValue,
  thresholdWords,
} from "./statute";
import { DEFAULTS } from "./statute.fixture";

describe("the statute's numbers", () => {
  it("are each in exactly one group, and every number of StatuteValues is shown", () => {
    expect([...STATUTE_PARAMS].sort()).toEqual(Object.keys(DEFAULTS).sort());
    expect(new Set(STATUTE_PARAMS).size).toBe(STATUTE_PARAMS.length);
    expect(STATUTE_GROUPS.map((group) => group.id)).toEqual([
      "capital",
      "membership",
      "assemblies",
      "organs",
      "reserves",
    ]);
  });

  it("know which refused field names them", () => {
    expect(paramsOfField("thresholds")).toHaveLength(10);
    expect(paramsOfField("board_size")).toEqual(["board_min", "board_max"]);
    expect(paramsOfField("reserve_percentages")).toEqual([
      "legal_reserve_pct",
      "precautionary_reserve_max_pct",
      "cooperation_education_pct",
      "bonuses_max_pct",
      "return_on_shares_pct",
    ]);
    expect(PARAMS.par_value.field).toBe("par_value");
    expect(PARAMS.surplus_basis).toEqual({ kind: "choice", field: null });
    expect(PARAMS.unpaid_deadline_months.field).toBeNull();
  });
});

describe("thresholds in words", () => {
  it("say «بیش از» for more than and «دست‌کم» for at least, with Persian digits", () => {
    expect(thresholdWords({ fraction: { numerator: 1, denominator: 2 }, strict: true }, fa)).toBe("بیش از ۱/۲");
    expect(thresholdWords({ fraction: { numerator: 2, denominator: 3 }, strict: false }, fa)).toBe("دست‌کم ۲/۳");
  });

  it("say «هر تعداد حاضر» for at least 0/1", () => {
    expect(thresholdWords({ fraction: { numerator: 0, denominator: 1 }, strict: false }, fa)).toBe("هر تعداد حاضر");
    expect(thresholdWords({ fraction: { numerator: 0, denominator: 1 }, strict: true }, fa)).toBe("دست‌کم یک نفر");
  });

  it("read in English with Latin digits", () => {
    expect(thresholdWords({ fraction: { numerator: 1, denominator: 2 }, strict: true }, en, "en")).toBe("more than 1/2");
    expect(thresholdWords({ fraction: { numerator: 0, denominator: 1 }, strict: false }, en, "en")).toBe(
      "any number present",
    );
  });

  it("write fractions in the locale's digits", () => {
    expect(fractionText({ numerator: 1, denominator: 4 })).toBe("۱/۴");
    expect(fractionText({ numerator: 1, denominator: 4 }, "en")).toBe("1/4");
  });
});

describe("a number as the screen writes it", () => {
  it("puts the unit with it: rials, percent, days", () => {
    expect(formatStatuteValue("par_value", DEFAULTS, fa)).toBe("۱٬۰۰۰٬۰۰۰ ریال");
    expect(formatStatuteValue("max_member_capital_pct", DEFAULTS, fa)).toBe("۳۰٪");
    expect(formatStatuteValue("election_notice_min_days", DEFAULTS, fa)).toBe("۲۰ روز");
    expect(formatStatuteValue("admission_paid_fraction", DEFAULTS, fa)).toBe("۱/۳");
    expect(formatStatuteValue("ordinary_quorum_call2", DEFAULTS, fa)).toBe("هر تعداد حاضر");
    expect(formatStatuteValue("par_value", DEFAULTS, en, "en")).toBe("1,000,000 rials");
    expect(formatStatuteValue("inspectors", DEFAULTS, en, "en")).toBe("1 person");
  });

  it("names a choice in words", () => {
    expect(formatStatuteValue("surplus_basis", DEFAULTS, fa)).toBe("ساعت کار هر عضو");
    expect(formatStatuteValue("surplus_basis", { ...DEFAULTS, surplus_basis: "production" }, en, "en")).toBe(
      "The value each member produced",
    );
    expect(formatStatuteValue("return_on_shares_pct", DEFAULTS, fa)).toBe("۵۰٪");
  });

  it("never rounds a decimal percent", () => {
    const values = { ...DEFAULTS, max_member_capital_pct: "28.625" };
    expect(formatStatuteValue("max_member_capital_pct", values, fa)).toBe("۲۸٫۶۲۵٪");
  });
});

describe("comparing versions", () => {
  it("reads decimals by value, not by spelling", () => {
    expect(canonicalDecimal("030.50")).toBe("30.5");
    expect(canonicalDecimal("30.0")).toBe("30");
    expect(canonicalDecimal("0.0")).toBe("0");
    expect(sameStatuteValue("max_member_capital_pct", DEFAULTS, { ...DEFAULTS, max_member_capital_pct: "30.00" })).toBe(
      true,
    );
  });

  it("lists what an amendment changes, in screen order", () => {
    const amended: StatuteValues = {
      ...DEFAULTS,
      inspectors: 3,
      par_value: "2000000",
      ordinary_majority: { fraction: { numerator: 1, denominator: 2 }, strict: false },
    };
    expect(changedParams(DEFAULTS, amended)).toEqual(["par_value", "ordinary_majority", "inspectors"]);
    expect(changedParams(DEFAULTS, { ...DEFAULTS })).toEqual([]);
    expect(changedParams(DEFAULTS, { ...DEFAULTS, surplus_basis: "production" })).toEqual(["surplus_basis"]);
  });
});
