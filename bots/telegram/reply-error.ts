// What a refusal or failure says is shared by every transport: bots/shared/wording/error-text.ts.
export { attemptsLeft, errorText as errorReply } from "../shared/wording/error-text.ts";
