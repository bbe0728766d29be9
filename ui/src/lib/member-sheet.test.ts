import { describe, expect, it } from "vitest";
import { mappingProblems } from "./member-sheet";

describe("the member sheet", () => {
  it("says which required fields no column holds and which field two columns hold", () => {
    expect(mappingProblems(["first_name", null, "national_code", "first_name"])).toEqual({
      missing: ["last_name"],
      twice: ["first_name"],
    });
    expect(mappingProblems(["first_name", "last_name", "national_code"])).toEqual({ missing: [], twice: [] });
  });
});
