import { describe, expect, it } from "vitest";
import { createItemSchema, addEvidenceSchema } from "@/lib/checklist/schemas";
import { dayField } from "@/lib/schemas";

describe("dayField", () => {
  const field = dayField("Due date");
  it("accepts a real calendar day as midnight UTC", () => {
    expect(field.parse("2030-02-28").toISOString()).toBe("2030-02-28T00:00:00.000Z");
  });
  it.each(["2030-02-30", "tomorrow", "2030-1-5", "1899-01-01", ""])("refuses %j", (value) => {
    expect(field.safeParse(value).success).toBe(false);
  });
});

describe("createItemSchema", () => {
  const valid = { releaseId: "r1", phaseId: "p1", title: "Smoke tests", priority: "BLOCKING" };
  it("fills optional fields with empty values", () => {
    expect(createItemSchema.parse(valid)).toMatchObject({ parentId: null, categoryId: null, assigneeId: null, dueDate: null, estimateMinutes: null });
  });
  it("refuses unknown priorities, forged fields and negative estimates", () => {
    expect(createItemSchema.safeParse({ ...valid, priority: "URGENT" }).success).toBe(false);
    expect(createItemSchema.safeParse({ ...valid, authorId: "u1" }).success).toBe(false);
    expect(createItemSchema.safeParse({ ...valid, estimateMinutes: "-5" }).success).toBe(false);
  });
});

describe("addEvidenceSchema", () => {
  it("accepts only web links", () => {
    expect(addEvidenceSchema.safeParse({ itemId: "i", url: "https://ci.example.com/42" }).success).toBe(true);
    expect(addEvidenceSchema.safeParse({ itemId: "i", url: "javascript:alert(1)" }).success).toBe(false);
    expect(addEvidenceSchema.safeParse({ itemId: "i", url: "ftp://files.example.com" }).success).toBe(false);
  });
});
