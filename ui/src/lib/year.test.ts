import { describe, expect, it } from "vitest";
import type { FiscalYear } from "./bindings/FiscalYear";
import type { Rates } from "./bindings/Rates";
import {
  PART_KINDS,
  defaultYear,
  isDefaultChoices,
  isLoss,
  memberTotals,
  optionKey,
  orderedParts,
  parseOptionKey,
  partRate,
  partRateText,
  partsTotal,
  payoutTotals,
  readChoices,
  readNetResult,
  readReserve,
} from "./year";

const fy = (year: number, status: FiscalYear["status"]): FiscalYear => ({ year, from: "", to: "", status });

const RATES: Rates = {
  legal_reserve_pct: "5",
  precautionary_pct: "5",
  cooperation_pct: "4",
  bonuses_pct: "0",
  return_on_shares_pct: "37.5",
  surplus_basis: "hours",
};

describe("the year the screen opens on", () => {
  it("is the newest year waiting for the board, else the first listed", () => {
    expect(defaultYear([fy(1405, "open"), fy(1404, "ended"), fy(1403, "approved")])).toBe(1404);
    expect(defaultYear([fy(1405, "open"), fy(1404, "closed"), fy(1403, "ended")])).toBe(1404);
    expect(defaultYear([fy(1405, "open"), fy(1404, "approved")])).toBe(1405);
    expect(defaultYear([])).toBeNull();
  });
});

describe("the parts of a distribution", () => {
  it("say the percentage each is taken at, and of what", () => {
    expect(partRate("legal_reserve", RATES)).toEqual({ pct: "5", of: "net" });
    expect(partRate("cooperation_fund", RATES)).toEqual({ pct: "4", of: "net" });
    expect(partRate("return_on_shares", RATES)).toEqual({ pct: "37.5", of: "remainder" });
    expect(partRate("surplus_by_work", RATES)).toEqual({ pct: "62.5", of: "remainder" });
    expect(partRate("rounding", RATES)).toBeNull();
  });

  it("show that percentage in the words and digits of the language asked for", () => {
    const words = { ofNet: (pct: string) => `${pct}% of net`, ofRemainder: (pct: string) => `${pct}% of rest` };
    expect(partRateText("legal_reserve", RATES, words, "en")).toBe("5% of net");
    expect(partRateText("return_on_shares", RATES, words, "en")).toBe("37.5% of rest");
    expect(partRateText("surplus_by_work", RATES, words, "fa")).toBe("۶۲٫۵% of rest");
    expect(partRateText("rounding", RATES, words, "fa")).toBe("—");
  });

  it("come in the backend's order, a missing one at zero, and add up exactly", () => {
    const parts = orderedParts([
      { kind: "surplus_by_work", amount: "9007199254740993" },
      { kind: "legal_reserve", amount: "7" },
    ]);
    expect(parts.map((p) => p.kind)).toEqual(PART_KINDS);
    expect(parts[1]).toEqual({ kind: "precautionary_reserve", amount: "0" });
    // Beyond 2^53: a JavaScript number would lose the last digit.
    expect(partsTotal(parts)).toBe("9007199254741000");
  });
});

describe("totals", () => {
  it("of the members' shares are exact", () => {
    const members = [
      { membership_no: 1, capital_days: "1", work: "1", return_on_shares: "1000", surplus_by_work: "2001", total: "3001" },
      { membership_no: 2, capital_days: "1", work: "1", return_on_shares: "9007199254740993", surplus_by_work: "0", total: "9007199254740993" },
    ];
    expect(memberTotals(members)).toEqual({
      return_on_shares: "9007199254741993",
      surplus_by_work: "2001",
      total: "9007199254743994",
    });
  });

  it("of the approved payouts count the new shares too", () => {
    const payouts = [
      { membership_no: 1, return_on_shares: "1", surplus_by_work: "2", total: "3", new_shares: 2, capitalised: "2", payable: "1" },
      { membership_no: 2, return_on_shares: "4", surplus_by_work: "5", total: "9", new_shares: 3, capitalised: "6", payable: "3" },
    ];
    expect(payoutTotals(payouts)).toEqual({
      return_on_shares: "5",
      surplus_by_work: "7",
      total: "12",
      capitalised: "8",
      payable: "4",
      new_shares: "5",
    });
  });
});

describe("what the board types", () => {
  it("reads a net result in any digits, a loss with a minus sign or in parentheses", () => {
    expect(readNetResult("۲٬۴۵۰٬۰۰۰٬۰۰۰")).toBe("2450000000");
    expect(readNetResult("2,450,000,000 ریال")).toBe("2450000000");
    expect(readNetResult("−۵۰۰٬۰۰۰")).toBe("-500000");
    expect(readNetResult("\u200e\u2212۱٬۲۰۰")).toBe("-1200");
    expect(readNetResult("(۱٬۲۰۰)")).toBe("-1200");
    expect(readNetResult("-0")).toBe("0");
    expect(readNetResult("12.5")).toBeNull();
    expect(readNetResult("سود")).toBeNull();
    expect(readNetResult("")).toBeNull();
  });

  it("reads an opening reserve, empty carrying last year's", () => {
    expect(readReserve("")).toBe("");
    expect(readReserve("  ")).toBe("");
    expect(readReserve("۱۰۰٬۰۰۰")).toBe("100000");
    expect(readReserve("-5")).toBeNull();
    expect(readReserve("x")).toBeNull();
  });

  it("reads percentages in any digits, empty kept as the default", () => {
    expect(readChoices({ legal_reserve_pct: "۷٫۵", precautionary_pct: "", bonuses_pct: "۲٪" })).toEqual({
      ok: true,
      choices: { legal_reserve_pct: "7.5", precautionary_pct: "", bonuses_pct: "2" },
    });
    expect(readChoices({ legal_reserve_pct: "ده", precautionary_pct: "5", bonuses_pct: "-1" })).toEqual({
      ok: false,
      problems: { legal_reserve_pct: "number_format", bonuses_pct: "number_format" },
    });
    expect(isDefaultChoices({ legal_reserve_pct: "", precautionary_pct: "", bonuses_pct: "" })).toBe(true);
    expect(isDefaultChoices({ legal_reserve_pct: "", precautionary_pct: "3", bonuses_pct: "" })).toBe(false);
  });

  it("knows a loss or zero leaves nothing to divide", () => {
    expect(isLoss("-1")).toBe(true);
    expect(isLoss("0")).toBe(true);
    expect(isLoss("1")).toBe(false);
  });
});

describe("approval options", () => {
  it("go through the select as meeting:resolution", () => {
    expect(optionKey({ meeting: 2, resolution: 3 })).toBe("2:3");
    expect(parseOptionKey("2:3")).toEqual({ meeting: 2, resolution: 3 });
    expect(parseOptionKey(null)).toBeNull();
    expect(parseOptionKey("x")).toBeNull();
  });
});
