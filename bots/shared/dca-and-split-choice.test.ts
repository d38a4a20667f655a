import { describe, expect, it } from "vitest";
import { dcaButtonLabel, splitAnswer, splitAsTyped, splitSummary } from "./dca-and-split-choice.ts";
import { createTranslator } from "./wording/translator.ts";

const en = createTranslator().forLocale("en");
const es = createTranslator().forLocale("es-ES");

describe("the DCA switch and take-profit split wording, shared by both bots", () => {
  it("reads a typed split, the signal's words in each language, and gives back the problem of a wrong one", () => {
    expect(splitAnswer(" 1.5:50, 3%:30% ; 5:20 ", en)).toEqual({
      split: [
        { perc: "1.5", sizePerc: "50" },
        { perc: "3", sizePerc: "30" },
        { perc: "5", sizePerc: "20" },
      ],
    });
    for (const word of ["signal", "Off", "", "none"]) expect(splitAnswer(word, en)).toEqual({ split: null });
    for (const word of ["señal", "Senal", "ninguno", "signal"]) expect(splitAnswer(word, es)).toEqual({ split: null });
    expect(splitAnswer("1:60 2:60", en)).toEqual({ problem: "shares must add up to at most 100 (they add up to 120)" });
    expect(splitAnswer("0:50", en)).toHaveProperty("problem", expect.stringMatching(/^target 1: /));
    expect(splitAnswer("señal", en)).toHaveProperty("problem");
  });

  it("shows a split as it is typed, so a form can be filled with it and sent back unchanged", () => {
    const answer = splitAnswer("1.5:50 3:30", en);
    const split = "split" in answer ? answer.split : null;
    expect(splitAsTyped(split)).toBe("1.5:50 3:30");
    expect(splitAnswer(splitAsTyped(split) ?? "", en)).toEqual(answer);
    expect(splitAsTyped(null)).toBeUndefined();
    expect(splitSummary(split, en)).toBe("Take-profit split: 1.5% (50%), 3% (30%)");
    expect(splitSummary(null, es)).toBe("Reparto de take profit: los objetivos de la señal");
    expect([dcaButtonLabel(true, en), dcaButtonLabel(false, es)]).toEqual(["DCA: on", "DCA: desactivado"]);
  });
});
