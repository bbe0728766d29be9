import { createRawSnippet, flushSync, tick } from "svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useScreen } from "../../testing/screen";
import Dialog from "./Dialog.svelte";

const screen = useScreen();
let opener: HTMLButtonElement;

beforeEach(() => {
  opener = document.createElement("button");
  opener.textContent = "open";
  screen.target.before(opener);
});

afterEach(() => {
  opener.remove();
});

const body = createRawSnippet(() => ({
  render: () => `<p><input name="inside" /><button type="button">inside</button></p>`,
}));

async function openDialog() {
  const state = $state({ open: false });
  screen.mount(Dialog, {
    title: "درباره همیار",
    closeLabel: "بستن",
    children: body,
    get open() {
      return state.open;
    },
    set open(next: boolean) {
      state.open = next;
    },
  });
  opener.focus();
  state.open = true;
  flushSync();
  await tick();
  const dialog = screen.target.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error("dialog did not open");
  return { state, dialog };
}

function press(element: Element, key: string, shiftKey = false): void {
  element.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey, bubbles: true, cancelable: true }));
  flushSync();
}

describe("Dialog", () => {
  it("is a labelled modal dialog that takes focus when it opens", async () => {
    const { dialog } = await openDialog();
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    const title = document.getElementById(dialog.getAttribute("aria-labelledby") ?? "");
    expect(title?.textContent).toBe("درباره همیار");
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it("closes on Esc and gives focus back to what had it", async () => {
    const { state, dialog } = await openDialog();
    press(document.activeElement ?? dialog, "Escape");
    expect(state.open).toBe(false);
    expect(screen.target.querySelector('[role="dialog"]')).toBeNull();
    await tick();
    expect(document.activeElement).toBe(opener);
  });

  it("keeps Tab inside the dialog", async () => {
    const { dialog } = await openDialog();
    const focusables = Array.from(dialog.querySelectorAll<HTMLElement>("button, input"));
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    last.focus();
    press(last, "Tab");
    expect(document.activeElement).toBe(first);
    press(first, "Tab", true);
    expect(document.activeElement).toBe(last);
  });
});
