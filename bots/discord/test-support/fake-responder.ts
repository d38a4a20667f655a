import type { Responder } from "../kit/handler-input.ts";
import type { ModalView, View } from "../kit/view.ts";

export type Answer =
  | { kind: "reply"; view: View }
  | { kind: "update"; view: View }
  | { kind: "defer" }
  | { kind: "modal"; modal: ModalView };

export interface FakeResponder extends Responder {
  answers: Answer[];
  /** Every text the handler sent (message text and embed descriptions), in order. */
  texts(): string[];
  /** The last answer that was a message (reply or update). */
  lastView(): View | undefined;
  modal(): ModalView | undefined;
}

/**
 * A Responder that records what a handler answered, with Discord's one rule a handler can break: a form is only
 * ever the first answer.
 */
export function fakeResponder(): FakeResponder {
  const answers: Answer[] = [];
  const guardFirst = (what: string) => {
    if (answers.some((a) => a.kind === "modal")) throw new Error(`${what} after a form was shown`);
  };
  return {
    answers,
    async reply(view) {
      guardFirst("reply");
      answers.push({ kind: "reply", view });
    },
    async defer() {
      guardFirst("defer");
      answers.push({ kind: "defer" });
    },
    async update(view) {
      guardFirst("update");
      answers.push({ kind: "update", view });
    },
    async showModal(modal) {
      if (answers.length > 0) throw new Error("a form can only be the first answer");
      answers.push({ kind: "modal", modal });
    },
    texts: () =>
      answers.flatMap((a) =>
        a.kind === "reply" || a.kind === "update"
          ? [a.view.text, ...(a.view.embeds ?? []).map((e) => e.description)].filter((s): s is string => !!s)
          : [],
      ),
    lastView: () => {
      const last = answers.filter((a) => a.kind === "reply" || a.kind === "update").at(-1);
      return last && "view" in last ? last.view : undefined;
    },
    modal: () => {
      const m = answers.find((a) => a.kind === "modal");
      return m?.kind === "modal" ? m.modal : undefined;
    },
  };
}
