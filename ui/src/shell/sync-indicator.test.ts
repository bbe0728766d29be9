import { describe, expect, it } from "vitest";
import type { OutboxRow } from "../lib/bindings/OutboxRow";
import type { RegistrySettings } from "../lib/bindings/RegistrySettings";
import type { SyncOverview } from "../lib/bindings/SyncOverview";
import { syncIndicator } from "./sync-indicator";

const SETTINGS: RegistrySettings = {
  url: "https://registry.example.ir",
  legal_id: "10320567891",
  public_key: "3f2a".repeat(16),
  registry_key: "ab".repeat(32),
  enrolled_at: "2026-03-01T06:30:00Z",
  pinned_cert: null,
  proxy: null,
  timeout_ms: 15000,
};

function row(id: string, extra: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id,
    period: "1405-Q1",
    state: "pending",
    attempts: 0,
    next_attempt: "2026-11-28T07:00:00Z",
    last_error: null,
    receipt: null,
    supersedes: null,
    content_hash: `sha256:${id}`,
    closed_at: "2026-07-01T05:30:00Z",
    ...extra,
  };
}

function sent(id: string, receivedAt: string): OutboxRow {
  return row(id, {
    state: "sent",
    attempts: 1,
    receipt: {
      registry_id: `REG-${id}`,
      report_id: id,
      legal_id: SETTINGS.legal_id,
      period: "1404-Q4",
      received_at: receivedAt,
      content_hash: `sha256:${id}`,
      signature: "sig",
    },
  });
}

function overview(extra: Partial<SyncOverview> = {}): SyncOverview {
  return {
    settings: SETTINGS,
    key_ok: true,
    legal_id: SETTINGS.legal_id,
    counts: { sent: 0, pending: 0, parked: 0 },
    rows: [],
    last_pass: null,
    last_pass_at: null,
    ...extra,
  };
}

describe("the header's sync indicator", () => {
  it("counts the reports waiting to be sent first, even beside refused ones", () => {
    const read = overview({
      counts: { sent: 1, pending: 2, parked: 1 },
      rows: [sent("a", "2026-04-05T06:00:00Z"), row("b"), row("c"), row("d", { state: "parked" })],
    });
    expect(syncIndicator(read)).toEqual({ kind: "pending", count: 2 });
  });

  it("counts the refused reports when none is waiting", () => {
    const read = overview({
      counts: { sent: 1, pending: 0, parked: 3 },
      rows: [sent("a", "2026-04-05T06:00:00Z"), row("b", { state: "parked" })],
    });
    expect(syncIndicator(read)).toEqual({ kind: "parked", count: 3 });
  });

  it("says when the newest receipt arrived once everything is sent", () => {
    const read = overview({
      counts: { sent: 3, pending: 0, parked: 0 },
      // In the order closed; the newest receipt is not the last row's, and offsets differ.
      rows: [
        sent("a", "2026-04-05T06:00:00Z"),
        sent("b", "2026-07-10T12:00:00+03:30"),
        sent("c", "2026-07-01T09:00:00Z"),
      ],
      last_pass_at: "2026-11-28T07:00:00Z",
    });
    expect(syncIndicator(read)).toEqual({ kind: "sent", at: "2026-07-10T12:00:00+03:30" });
  });

  it("falls back to the last pass's time when sent reports carry no receipt time", () => {
    const read = overview({
      counts: { sent: 1, pending: 0, parked: 0 },
      rows: [row("a", { state: "sent" })],
      last_pass_at: "2026-11-28T07:00:00Z",
    });
    expect(syncIndicator(read)).toEqual({ kind: "sent", at: "2026-11-28T07:00:00Z" });
    expect(syncIndicator({ ...read, last_pass_at: null })).toBeNull();
  });

  it("says nothing when no report was ever closed, whatever the last pass did", () => {
    expect(syncIndicator(overview())).toBeNull();
    expect(syncIndicator(overview({ last_pass_at: "2026-11-28T07:00:00Z" }))).toBeNull();
  });

  it("says nothing when not enrolled and nothing is queued", () => {
    const read = overview({
      settings: null,
      counts: { sent: 1, pending: 0, parked: 0 },
      rows: [sent("a", "2026-04-05T06:00:00Z")],
    });
    expect(syncIndicator(read)).toBeNull();
  });

  it("still counts the queue when not enrolled", () => {
    const read = overview({ settings: null, counts: { sent: 0, pending: 2, parked: 0 }, rows: [row("a"), row("b")] });
    expect(syncIndicator(read)).toEqual({ kind: "pending", count: 2 });
  });
});
