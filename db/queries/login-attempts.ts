export { beginSignInAttempt, finishSignInAttempt } from "../commands/admin/login-attempts";
export type { SignInAttempt } from "../commands/admin/login-attempts";
