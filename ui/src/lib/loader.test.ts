import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { Loader } from "./loader.svelte";

const refused = () => Promise.reject(new ApiError("storage_failed", "disk"));

describe("a screen's loader", () => {
  it("is loading, then ready with the data, and says it became ready", async () => {
    const load = new Loader(() => Promise.resolve(7));
    expect(load.state.status).toBe("loading");
    expect(await load.refresh()).toBe(true);
    expect(load.data).toBe(7);
    expect(await load.refresh()).toBe(false);
  });

  it("keeps the error's code when the reading fails", async () => {
    const load = new Loader<number>(refused);
    expect(await load.refresh()).toBe(false);
    expect(load.state.status === "failed" && load.state.error.code).toBe("storage_failed");
    expect(load.data).toBeNull();
  });

  it("leaves the data on screen when asked to and a later reading fails", async () => {
    let fail = false;
    const read = () => (fail ? refused() : Promise.resolve("register"));
    const kept = new Loader(read, { keepOnFailure: true });
    const dropped = new Loader(read);
    await kept.refresh();
    await dropped.refresh();
    fail = true;
    await kept.refresh();
    await dropped.refresh();
    expect(kept.data).toBe("register");
    expect(dropped.state.status).toBe("failed");
  });

  it("shows loading again on retry", async () => {
    const load = new Loader<number>(refused);
    await load.refresh();
    const retried = load.retry();
    expect(load.state.status).toBe("loading");
    await retried;
    expect(load.state.status).toBe("failed");
  });
});
