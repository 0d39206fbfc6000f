export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

/** Null when acceptable, else a message for the password field. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters`;
  return null;
}
