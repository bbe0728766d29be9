import { describe, expect, it } from "vitest";
import { member, memberRow } from "../testing/fixtures";
import type { MemberRow } from "./bindings/MemberRow";
import {
  filterByQuery,
  matches,
  memberSearchKey,
  normalizeSearch,
  queryTerms,
  rankMembers,
} from "./search";

function row(no: number, first: string, last: string, nationalCode: string | null, legalId: string | null = null): MemberRow {
  return memberRow(
    member(no, first ? `${first} ${last}` : last, {
      kind: legalId ? "legal" : "person",
      first_name: first,
      last_name: last,
      national_code: nationalCode,
      legal_id: legalId,
    }),
  );
}

describe("normalizeSearch", () => {
  it("writes Arabic yeh and kaf as the Persian letters", () => {
    expect(normalizeSearch("علي")).toBe("علی");
    expect(normalizeSearch("كريمي")).toBe("کریمی");
    expect(normalizeSearch("مصطفى")).toBe("مصطفی");
  });

  it("reads every digit form as ASCII", () => {
    expect(normalizeSearch("۰۰۱۲۳۴۵۶۷۸")).toBe("0012345678");
    expect(normalizeSearch("٠٠١٢٣٤٥٦٧٨")).toBe("0012345678");
    expect(normalizeSearch("0012345678")).toBe("0012345678");
  });

  it("ignores the half-space, spaces, tatweel, vowels and separators", () => {
    expect(normalizeSearch("علی‌رضا")).toBe("علیرضا");
    expect(normalizeSearch("علی رضا")).toBe("علیرضا");
    expect(normalizeSearch("علیـرضا")).toBe("علیرضا");
    expect(normalizeSearch("مُحَمَّد")).toBe("محمد");
    expect(normalizeSearch("001-234567-8")).toBe("0012345678");
    expect(normalizeSearch("۱۲٬۳۴۵")).toBe("12345");
  });

  it("folds alef and heh variants and Latin case", () => {
    expect(normalizeSearch("آبادانی")).toBe("ابادانی");
    expect(normalizeSearch("أحمد")).toBe("احمد");
    expect(normalizeSearch("فاطمة")).toBe("فاطمه");
    expect(normalizeSearch("Tehran")).toBe("tehran");
  });
});

describe("matches", () => {
  it("finds a name whatever keyboard typed it", () => {
    expect(matches("علی‌رضا کریمی", "علي رضا")).toBe(true);
    expect(matches("علیرضا کریمی", "علی رضا")).toBe(true);
    expect(matches("علی رضا کریمی", "عليرضا")).toBe(true);
    expect(matches("علی رضا کریمی", "كريمي")).toBe(true);
  });

  it("needs every word, in any order", () => {
    expect(matches("علی کریمی", "کریمی علی")).toBe(true);
    expect(matches("علی کریمی", "کریمی حسن")).toBe(false);
  });

  it("matches everything when the query is empty or blank", () => {
    expect(matches("علی", "")).toBe(true);
    expect(matches("علی", " \u200c ")).toBe(true);
    expect(queryTerms("  ")).toEqual([]);
  });
});

describe("member search", () => {
  const rows = [
    row(1, "علی", "کریمی", "0012345678"),
    row(2, "فاطمه", "رضایی", "1234567890"),
    row(12, "محمدرضا", "احمدی", "2223334445"),
    row(112, "", "شرکت آب‌رسان", null, "10101010101"),
  ];
  const keys = rows.map(memberSearchKey);
  const nos = (found: MemberRow[]) => found.map((r) => r.member.membership_no);

  it("searches name, national code, legal ID and membership number", () => {
    expect(nos(filterByQuery(rows, keys, "كريمي"))).toEqual([1]);
    expect(nos(filterByQuery(rows, keys, "۱۲۳۴۵۶۷۸۹۰"))).toEqual([2]);
    expect(nos(filterByQuery(rows, keys, "١٠١٠١٠١٠١٠١"))).toEqual([112]);
    expect(nos(filterByQuery(rows, keys, "محمد رضا"))).toEqual([12]);
    expect(nos(filterByQuery(rows, keys, "آبرسان"))).toEqual([112]);
  });

  it("returns every row, in order, for an empty query", () => {
    expect(nos(filterByQuery(rows, keys, ""))).toEqual([1, 2, 12, 112]);
  });

  it("puts the member with exactly the typed number first in a picker", () => {
    expect(nos(rankMembers(rows, keys, "۱۲"))[0]).toBe(12);
    expect(nos(rankMembers(rows, keys, "12"))).toContain(112);
    expect(rankMembers(rows, keys, "", 2)).toHaveLength(2);
  });

  it("filters 10,000 members quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(i + 1, i % 2 ? "علی" : "زهرا", `عضو${i}`, String(1_000_000_000 + i)));
    const manyKeys = many.map(memberSearchKey);
    const started = performance.now();
    const found = filterByQuery(many, manyKeys, "زهرا ۹۹۹۸");
    expect(performance.now() - started).toBeLessThan(100);
    expect(nos(found)).toEqual([9999]);
  });
});
