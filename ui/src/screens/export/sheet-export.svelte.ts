// خروجی اکسل: one screen's spreadsheet export — what to export, the folder it goes to (the
// exports folder unless the user names another), and the outcome: the written file's path or
// why it was not written.
import { exportSheet, toApiError } from "../../lib/api";
import type { ExportRequest } from "../../lib/bindings/ExportRequest";
import { i18n } from "../../lib/i18n/locale.svelte";

export type ExportOutcome = { path: string } | { failure: string } | null;

export class SheetExport {
  busy = $state(false);
  outcome = $state<ExportOutcome>(null);
  folder = $state("");
  readonly #request: () => ExportRequest | null;

  constructor(request: () => ExportRequest | null) {
    this.#request = request;
  }

  /** Writes the export, XLSX or CSV; repeated clicks while writing are ignored. */
  async write(csv: boolean): Promise<void> {
    const request = this.#request();
    if (this.busy || !request) return;
    this.busy = true;
    this.outcome = null;
    try {
      const folder = this.folder.trim();
      this.outcome = { path: await exportSheet(request, csv, folder === "" ? null : folder) };
    } catch (reason) {
      const error = toApiError(reason);
      this.outcome = { failure: i18n.m.exportSheet.failed(i18n.error(error.code, error.details)) };
    } finally {
      this.busy = false;
    }
  }
}
