import { describe, expect, it } from "vitest";
import { isShortcut } from "./shortcuts";

const press = (init: KeyboardEventInit) => new KeyboardEvent("keydown", init);

describe("a keyboard shortcut", () => {
  it("is Ctrl or ⌘ with the letter", () => {
    expect(isShortcut(press({ key: "s", code: "KeyS", ctrlKey: true }), "s")).toBe(true);
    expect(isShortcut(press({ key: "S", code: "KeyS", metaKey: true, shiftKey: true }), "s")).toBe(true);
  });

  it("works by key position on a Persian layout, where the key types «س»", () => {
    expect(isShortcut(press({ key: "س", code: "KeyS", ctrlKey: true }), "s")).toBe(true);
  });

  it("is not the letter alone, with Alt, or another letter", () => {
    expect(isShortcut(press({ key: "s", code: "KeyS" }), "s")).toBe(false);
    expect(isShortcut(press({ key: "s", code: "KeyS", ctrlKey: true, altKey: true }), "s")).toBe(false);
    expect(isShortcut(press({ key: "n", code: "KeyN", ctrlKey: true }), "s")).toBe(false);
  });
});
