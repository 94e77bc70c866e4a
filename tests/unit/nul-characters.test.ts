import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findNulCharacter, parseInput, ValidationError } from "@/lib/form";

describe("NUL characters", () => {
  it("are found wherever they hide in an input, and refused with the field named", () => {
    expect(findNulCharacter({ title: "fine", rows: [{ note: "ok" }, { note: "bad\u0000" }] })).toBe("rows.1.note");
    expect(findNulCharacter({ title: "fine" })).toBeNull();
    expect(findNulCharacter("\u0000")).toBe("form");
    expect(findNulCharacter({ id: "\ud800" })).toBe("id");
    expect(findNulCharacter({ id: "👩‍👩‍👧" })).toBeNull();
    const schema = z.strictObject({ title: z.string() });
    expect(() => parseInput(schema, { title: "a\u0000b" })).toThrow(ValidationError);
    try {
      parseInput(schema, { title: "a\u0000b" });
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual({ title: ["This contains a character that cannot be stored (a NUL or a broken character); remove it."] });
    }
  });
});
