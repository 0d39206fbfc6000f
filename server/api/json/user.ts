import type { UserListItem } from "@/db/queries/users/search";

/** A person as the API lists them: `active` is false for a disabled account. */
export type UserJson = { id: number; name: string; email: string; role: UserListItem["role"]; active: boolean };

export function toUserJson(user: UserListItem): UserJson {
  return { id: user.id, name: user.name, email: user.email, role: user.role, active: !user.disabled };
}
