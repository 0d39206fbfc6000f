import { z } from "zod";
import { USER_ROLES } from "../roles";
import { PASSWORD_MAX, PASSWORD_MIN } from "../password-rules";
import { pageFields } from "./fields";

export const emailField = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(254, "Email is too long")
  .email("Enter a valid email address");
export const passwordField = z
  .string({ error: "Password is required" })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`);
const role = z.enum(USER_ROLES, { error: `Role must be one of ${USER_ROLES.join(", ")}` });
const name = z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Name must be at most 100 characters");

export const createUserSchema = z.strictObject({ email: emailField, name, role, password: passwordField });
export const updateUserSchema = z.strictObject({
  role: role.optional(),
  disabled: z.boolean().optional(),
  name: name.optional(),
});
export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: passwordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export const createTokenSchema = z.strictObject({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  role,
});

/** `GET /api/v1/users?q=&active=&limit=&cursor=`: people to name as owners, reviewers and roles. */
export const listUsersSchema = z.object({
  q: z
    .string({ error: "Must be a string" })
    .trim()
    .max(100, "Search text must be at most 100 characters")
    .optional()
    .meta({ description: "Part of a name or email, any case; names and emails that start with it come first." }),
  active: z
    .enum(["1", "true", "0", "false"], { error: "Must be true or false" })
    .transform((v) => v === "1" || v === "true")
    .optional()
    .meta({ description: "true: only people who can sign in; false: only disabled accounts. Both when absent." }),
  ...pageFields,
});
export type ListUsersQuery = z.infer<typeof listUsersSchema>;
