import { describe, expect, it } from "vitest";
import { DEFAULTS } from "./statute.fixture";
import {
  checkParam,
  formFromValues,
  normaliseParam,
  parseDecimal,
  parseFraction,
  parseMoney,
  parseWhole,
  relocaliseStatuteForm,
  valuesFromForm,
} from "./statute-form";

describe("reading typed numbers", () => {
  it("reads whole numbers in any digits, with or without separators", () => {
    expect(parseWhole("۲۰")).toBe(20);
    expect(parseWhole("١٥")).toBe(15);
    expect(parseWhole("1,000")).toBe(1000);
    expect(parseWhole("۱٬۰۰۰")).toBe(1000);
    expect(parseWhole("2.5")).toBeNull();
    expect(parseWhole("-1")).toBeNull();
    expect(parseWhole("")).toBeNull();
    expect(parseWhole("4294967296")).toBeNull();
  });

  it("reads rials as a digit string, never through a float", () => {
    expect(parseMoney("۱٬۰۰۰٬۰۰۰")).toBe("1000000");
    expect(parseMoney("12345678901234567890")).toBe("12345678901234567890");
    expect(parseMoney("۱۰۰۰ ریال")).toBe("1000");
    expect(parseMoney("1000.5")).toBeNull();
    expect(parseMoney("هزار")).toBeNull();
  });

  it("reads decimals with «٫», «.» or «/» and an optional percent sign", () => {
    expect(parseDecimal("۲۲٫۵")).toBe("22.5");
    expect(parseDecimal("22.50")).toBe("22.5");
    expect(parseDecimal("۲۲/۵")).toBe("22.5");
    expect(parseDecimal("۳۰٪")).toBe("30");
    expect(parseDecimal(".5")).toBe("0.5");
    expect(parseDecimal("سی")).toBeNull();
    expect(parseDecimal("-5")).toBeNull();
  });

  it("reads a fraction from its two boxes and refuses a zero denominator or more than one", () => {
    expect(parseFraction({ numerator: "۱", denominator: "۳" })).toEqual({
      ok: true,
      fraction: { numerator: 1, denominator: 3 },
    });
    expect(parseFraction({ numerator: "0", denominator: "1" })).toEqual({
      ok: true,
      fraction: { numerator: 0, denominator: 1 },
    });
    expect(parseFraction({ numerator: "1", denominator: "0" })).toEqual({ ok: false, problem: "fraction_zero" });
    expect(parseFraction({ numerator: "3", denominator: "2" })).toEqual({ ok: false, problem: "fraction_above_one" });
    expect(parseFraction({ numerator: "۱/۲", denominator: "" })).toEqual({ ok: false, problem: "fraction_whole" });
  });
});

describe("the statute form's data", () => {
  it("shows the defaults in Persian digits and sends them back unchanged", () => {
    const form = formFromValues(DEFAULTS, "fa");
    expect(form.par_value).toBe("۱٬۰۰۰٬۰۰۰");
    expect(form.max_member_capital_pct).toBe("۳۰");
    expect(form.ordinary_quorum_call1).toEqual({ numerator: "۱", denominator: "۲", strict: true });
    expect(form.admission_paid_fraction).toEqual({ numerator: "۱", denominator: "۳" });
    expect(valuesFromForm(form)).toEqual({ ok: true, values: DEFAULTS });
  });

  it("reads what was typed into the values statute_set takes", () => {
    const form = formFromValues(DEFAULTS, "fa");
    form.par_value = "۲,۵۰۰,۰۰۰";
    form.max_member_capital_pct = "۲۲/۵";
    form.inspectors = "٣";
    form.extraordinary_majority = { numerator: "۳", denominator: "۴", strict: true };
    const result = valuesFromForm(form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values.par_value).toBe("2500000");
    expect(result.values.max_member_capital_pct).toBe("22.5");
    expect(result.values.inspectors).toBe(3);
    expect(result.values.extraordinary_majority).toEqual({ fraction: { numerator: 3, denominator: 4 }, strict: true });
  });

  it("keeps a choice as its option, and refuses anything else", () => {
    const form = formFromValues(DEFAULTS, "fa");
    expect(form.surplus_basis).toBe("hours");
    form.surplus_basis = "production";
    form.bonuses_max_pct = "۱۰";
    const result = valuesFromForm(form);
    expect(result.ok && result.values.surplus_basis).toBe("production");
    expect(result.ok && result.values.bonuses_max_pct).toBe("10");
    expect(normaliseParam("surplus_basis", form)).toBe("production");
    expect(relocaliseStatuteForm(form, "en").surplus_basis).toBe("production");
    form.surplus_basis = "days";
    expect(checkParam("surplus_basis", form)).toBe("choice");
  });

  it("names every number that cannot be sent as typed", () => {
    const form = formFromValues(DEFAULTS, "fa");
    form.par_value = "۱۰۰۰٫۵";
    form.board_min = "سه";
    form.legal_reserve_cap = { numerator: "1", denominator: "0" };
    form.max_member_capital_pct = "";
    expect(valuesFromForm(form)).toEqual({
      ok: false,
      problems: {
        par_value: "money",
        max_member_capital_pct: "number",
        board_min: "whole_number",
        legal_reserve_cap: "fraction_zero",
      },
    });
    expect(checkParam("inspectors", form)).toBeNull();
  });

  it("shows a number normalised after the box is left, and keeps unreadable text as typed", () => {
    const form = formFromValues(DEFAULTS, "fa");
    form.par_value = "2500000";
    form.max_member_capital_pct = "22.50";
    form.board_max = "نه";
    form.ordinary_majority = { numerator: "2", denominator: "٣", strict: false };
    expect(normaliseParam("par_value", form)).toBe("۲٬۵۰۰٬۰۰۰");
    expect(normaliseParam("max_member_capital_pct", form)).toBe("۲۲٫۵");
    expect(normaliseParam("board_max", form)).toBe("نه");
    expect(normaliseParam("ordinary_majority", form)).toEqual({ numerator: "۲", denominator: "۳", strict: false });
  });

  it("rewrites the numbers already typed when the language changes", () => {
    const english = relocaliseStatuteForm(formFromValues(DEFAULTS, "fa"), "en");
    expect(english).toEqual(formFromValues(DEFAULTS, "en"));
    expect(english.par_value).toBe("1,000,000");
  });
});
