import { describe, expect, it } from "vitest";
import type { CooperativeProfile } from "./bindings/CooperativeProfile";
import {
  codesByField,
  emptyProfileForm,
  firstFieldWithProblem,
  formFromProfile,
  inputFromForm,
  relocaliseForm,
} from "./profile-form";

const saved: CooperativeProfile = {
  name: "تعاونی تولیدی فرش 12",
  legal_id: "10100000000",
  registration_number: "4521",
  registration_date: "2025-03-20",
  kind: "production",
  province: "isfahan",
  city: "کاشان",
  address: "خیابان 5",
  postal_code: "8715678901",
  phone: "03155512345",
  fiscal_year_start_month: 1,
  fiscal_year_start_day: 1,
  updated_at: "2026-11-28T10:00:00Z",
  event_id: "0194f3c2-0000-7000-8000-000000000000",
};

describe("the profile form's data", () => {
  it("starts empty with the fiscal year on 1 Farvardin", () => {
    const input = inputFromForm(emptyProfileForm());
    expect(input.kind).toBeNull();
    expect(input.province).toBeNull();
    expect(input.fiscal_year_start_month).toBe(1);
    expect(input.fiscal_year_start_day).toBe(1);
  });

  it("shows a saved profile with Persian digits and sends it back with the same meaning", () => {
    const form = formFromProfile(saved, "fa");
    expect(form.legal_id).toBe("۱۰۱۰۰۰۰۰۰۰۰");
    expect(form.name).toBe("تعاونی تولیدی فرش ۱۲");
    expect(form.registration_date).toBe("2025-03-20");
    expect(form.fiscal_year_start_day).toBe("۱");
    const input = inputFromForm(form);
    expect(input.fiscal_year_start_day).toBe(1);
    expect(input.kind).toBe("production");
  });

  it("shows Latin digits in English", () => {
    expect(formFromProfile(saved, "en").legal_id).toBe("10100000000");
  });

  it("rewrites the digits already typed when the language changes", () => {
    const english = relocaliseForm(formFromProfile(saved, "fa"), "en");
    expect(english).toEqual(formFromProfile(saved, "en"));
  });

  it("reads the fiscal-year day in any digits, and sends 0 for text the backend must refuse", () => {
    const form = emptyProfileForm();
    form.fiscal_year_start_day = "١٥";
    expect(inputFromForm(form).fiscal_year_start_day).toBe(15);
    form.fiscal_year_start_day = "اول";
    expect(inputFromForm(form).fiscal_year_start_day).toBe(0);
  });

  it("keeps the first problem of each field and finds the first field on screen", () => {
    const byField = codesByField([
      { field: "postal_code", code: "postal_code_format" },
      { field: "legal_id", code: "legal_id_checksum" },
      { field: "legal_id", code: "required" },
    ]);
    expect(byField).toEqual({ postal_code: "postal_code_format", legal_id: "legal_id_checksum" });
    expect(firstFieldWithProblem(byField)).toBe("legal_id");
    expect(firstFieldWithProblem({})).toBeNull();
  });
});
