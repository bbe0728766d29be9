import { flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { useScreen } from "../../testing/screen";
import JalaliDateInput from "./JalaliDateInput.svelte";

const screen = useScreen();

/** Mount the input with its bindings held in runes, as a parent's `bind:` would. */
function render(initial = "", error: string | null = null) {
  const bound = $state({ value: initial, invalid: false });
  let blurs = 0;
  screen.mount(JalaliDateInput, {
    name: "registration_date",
    label: "تاریخ ثبت",
    hint: "مانند ۱۴۰۳/۱۲/۳۰",
    error,
    get value() {
      return bound.value;
    },
    set value(next: string) {
      bound.value = next;
    },
    get invalid() {
      return bound.invalid;
    },
    set invalid(next: boolean) {
      bound.invalid = next;
    },
    onleave: () => {
      blurs += 1;
    },
  });
  const target = screen.target;
  const input = target.querySelector<HTMLInputElement>('input[name="registration_date"]');
  if (!input) throw new Error("no input rendered");
  const errorText = () => target.querySelector('[data-testid="error-registration_date"]')?.textContent?.trim() ?? "";
  const hintText = () => target.querySelector(`#${input.id}-hint`)?.textContent?.trim() ?? "";
  return { bound, input, errorText, hintText, blurs: () => blurs };
}

function type(input: HTMLInputElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

function leave(input: HTMLInputElement): void {
  input.focus();
  input.blur();
  flushSync();
}

describe("JalaliDateInput", () => {
  it("binds the ISO date of Persian digits and shows it back normalised, with its weekday", () => {
    const { bound, input, hintText, errorText, blurs } = render();
    type(input, "۱۴۰۳/۱۲/۳۰");
    expect(bound.value).toBe("2025-03-20");
    leave(input);
    expect(input.value).toBe("۱۴۰۳/۱۲/۳۰");
    expect(hintText()).toBe("پنجشنبه ۳۰ اسفند ۱۴۰۳");
    expect(errorText()).toBe("");
    expect(bound.invalid).toBe(false);
    expect(blurs()).toBeGreaterThan(0);
  });

  it.each([
    ["1403/12/30", "2025-03-20", "۱۴۰۳/۱۲/۳۰"],
    ["١٤٠٣/١٢/٣٠", "2025-03-20", "۱۴۰۳/۱۲/۳۰"],
    ["1404-1-1", "2025-03-21", "۱۴۰۴/۰۱/۰۱"],
    ["۱۴۰۴/۷/۱", "2025-09-23", "۱۴۰۴/۰۷/۰۱"],
  ])("reads %j as %s and shows %s", (text, iso, shown) => {
    const { bound, input } = render();
    type(input, text);
    leave(input);
    expect(bound.value).toBe(iso);
    expect(input.value).toBe(shown);
  });

  it("refuses 30 Esfand of a common year with its own date_format message", () => {
    const { bound, input, errorText } = render();
    type(input, "۱۴۰۴/۱۲/۳۰");
    expect(errorText()).toBe(""); // no message while typing
    leave(input);
    expect(bound.value).toBe("");
    expect(bound.invalid).toBe(true);
    expect(input.value).toBe("۱۴۰۴/۱۲/۳۰"); // the text is left for the user to fix
    expect(errorText()).toBe("تاریخ معتبر نیست؛ آن را به شکل ۱۴۰۳/۱۲/۳۰ وارد کنید");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toContain(`${input.id}-error`);
  });

  it("clears its message once the text becomes a real date", () => {
    const { bound, input, errorText } = render();
    type(input, "1403/13/01");
    leave(input);
    expect(errorText()).not.toBe("");
    type(input, "1403/12/01");
    expect(errorText()).toBe("");
    expect(bound.invalid).toBe(false);
    expect(bound.value).toBe("2025-02-19");
  });

  it("binds an empty value when the text is cleared", () => {
    const { bound, input } = render("2025-03-20");
    expect(input.value).toBe("۱۴۰۳/۱۲/۳۰");
    type(input, "  ");
    leave(input);
    expect(bound.value).toBe("");
    expect(bound.invalid).toBe(false);
  });

  it("shows a value set from outside, as when a saved profile is loaded", () => {
    const { bound, input } = render();
    bound.value = "2026-03-21";
    flushSync();
    expect(input.value).toBe("۱۴۰۵/۰۱/۰۱");
  });

  it("shows a message from outside (the backend's check) when its own text is readable", () => {
    const { input, errorText } = render("2025-03-20", "این تاریخ نمی‌تواند بعد از امروز باشد");
    expect(errorText()).toBe("این تاریخ نمی‌تواند بعد از امروز باشد");
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });
});
