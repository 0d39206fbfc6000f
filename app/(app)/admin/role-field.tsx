"use client";
import { useState } from "react";
import { Field } from "@/app/components/field";
import { inputClass } from "@/app/components/ui";
import { ROLE_DESCRIPTIONS, USER_ROLES, type UserRole } from "@/lib/roles";

import { roleLabel as capitalized } from "./role-label";

/** A role picker whose hint describes the chosen role, so nobody grants admin by accident. */
export function RoleField({ id, error, defaultRole = "responder", label = "Role" }: { id: string; error?: string; defaultRole?: UserRole; label?: string }) {
  const [role, setRole] = useState<UserRole>(defaultRole);
  return (
    <Field id={id} label={label} error={error} hint={`${capitalized(role)}: ${ROLE_DESCRIPTIONS[role]}.`}>
      {(aria) => (
        <select {...aria} name="role" value={role} onChange={(event) => setRole(event.target.value as UserRole)} className={inputClass}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {capitalized(r)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
