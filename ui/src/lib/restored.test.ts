import { describe, expect, it } from "vitest";
import { takeRestoredNotice } from "./restored";

describe("the notice after a restore", () => {
  it("is given once after the reload, then forgotten", () => {
    expect(takeRestoredNotice()).toBeNull();
    sessionStorage.setItem("hamyar.restored", "hamyar-1405-09-07-103000.sqlite3");
    expect(takeRestoredNotice()).toBe("hamyar-1405-09-07-103000.sqlite3");
    expect(takeRestoredNotice()).toBeNull();
  });
});
