import { describe, expect, it } from "vitest";
import { textAfterSave } from "./sent-text";

describe("textAfterSave", () => {
  it("empties the field when nothing was typed after the send", () => {
    expect(textAfterSave("Rolled back deploy", "Rolled back deploy")).toBe("");
  });

  it("keeps what was typed while the save was in flight", () => {
    expect(textAfterSave("Rolled back deployError rate falling", "Rolled back deploy")).toBe("Error rate falling");
    expect(textAfterSave("first\n\nsecond", "first")).toBe("\n\nsecond");
  });

  it("removes nothing when the sent part was edited meanwhile", () => {
    expect(textAfterSave("Rolled back the deploy", "Rolled back deploy")).toBe("Rolled back the deploy");
    expect(textAfterSave("", "Rolled back deploy")).toBe("");
    expect(textAfterSave("Rolled", "Rolled back deploy")).toBe("Rolled");
  });

  it("leaves the field alone when nothing was sent", () => {
    expect(textAfterSave("draft", "")).toBe("draft");
  });

  it("never loses a character: the result is the current text or a suffix of it", () => {
    const cases: [string, string][] = [
      ["abc", "abc"],
      ["abcdef", "abc"],
      ["xabc", "abc"],
      ["ab", "abc"],
      ["abcabc", "abc"],
    ];
    for (const [now, sent] of cases) {
      const left = textAfterSave(now, sent);
      expect(now.endsWith(left)).toBe(true);
      expect(left === now || sent + left === now).toBe(true);
    }
  });
});
