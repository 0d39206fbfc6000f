"use client";
import { useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { buttonClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { CreateForm } from "../create-form";
import { RoleField } from "../role-field";
import { createUserAction } from "./actions";
import { generatePassword } from "./generate-password";

const HEADING = { name: "user", title: "Add a user", intro: "They sign in with this email and the initial password you give them." };

export function CreateUserForm({ passwordMin }: { passwordMin: number }) {
  const action = useServerAction({ refresh: false });
  const { pending } = action;
  const fields = action.error?.fields ?? {};
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  // A new form (fresh role picker) after each success.
  const [formKey, setFormKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.error?.fields);

  async function submit(form: HTMLFormElement) {
    if (action.isBusy()) return;
    const data = new FormData(form);
    await action.run(
      () =>
        createUserAction({
          email: String(data.get("email") ?? ""),
          name: String(data.get("name") ?? ""),
          role: String(data.get("role") ?? ""),
          password,
        }),
      {
        notice: (user) => `Created ${user.name} (${user.email}). Share the initial password with them privately; they can change it under Account.`,
        onSuccess: () => {
          setPassword("");
          setShowPassword(false);
          setFormKey((k) => k + 1);
        },
      },
    );
  }

  return (
    <CreateForm key={formKey} formRef={formRef} heading={HEADING} pending={pending} onSubmit={submit}>
      <fieldset disabled={pending} className="mt-4 grid gap-4 sm:grid-cols-2">
        <Field id="new-user-email" label="Email" error={fields.email}>
          {(aria) => <input {...aria} name="email" type="email" autoComplete="off" className={inputClass} />}
        </Field>
        <Field id="new-user-name" label="Name" error={fields.name}>
          {(aria) => <input {...aria} name="name" autoComplete="off" maxLength={100} className={inputClass} />}
        </Field>
        <RoleField id="new-user-role" error={fields.role} />
        <Field id="new-user-password" label="Initial password" error={fields.password} hint={`At least ${passwordMin} characters; a long passphrase is best.`}>
          {(aria) => (
            <div className="flex gap-2">
              <input
                {...aria}
                name="password"
                type={showPassword ? "text" : "password"}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                className={`${inputClass} font-mono`}
              />
              <button type="button" className={buttonClass} onClick={() => setShowPassword((s) => !s)} aria-pressed={showPassword}>
                {showPassword ? "Hide" : "Show"}
              </button>
              <button
                type="button"
                className={buttonClass}
                onClick={() => {
                  setPassword(generatePassword());
                  setShowPassword(true);
                }}
              >
                Generate
              </button>
            </div>
          )}
        </Field>
      </fieldset>
      <div className="mt-4 space-y-3">
        <FormMessage error={action.formSummary()} success={action.notice} />
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </button>
      </div>
    </CreateForm>
  );
}
