"use client";
import { useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { CreateForm } from "../create-form";
import { createTeamAction } from "./actions";

const HEADING = { name: "team", title: "Add a team", intro: "Teams own services; a person can be in several teams." };

export function CreateTeamForm() {
  const action = useServerAction();
  const { pending } = action;
  const [name, setName] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const error = action.fieldError("name");
  useFocusFirstInvalid(formRef, error);

  async function submit() {
    if (action.isBusy()) return;
    await action.run(() => createTeamAction(name), {
      notice: (team) => `Created team ${team.name}. Add its members below.`,
      onSuccess: () => setName(""),
    });
  }

  return (
    <CreateForm formRef={formRef} heading={HEADING} pending={pending} onSubmit={submit}>
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1 basis-64">
          <Field id="new-team-name" label="Team name" error={error}>
            {(aria) => (
              <input
                {...aria}
                name="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoComplete="off"
                maxLength={80}
                disabled={pending}
                className={inputClass}
              />
            )}
          </Field>
        </div>
        <button type="submit" className={`${primaryButtonClass} sm:mt-6`} disabled={pending}>
          {pending ? "Adding…" : "Add team"}
        </button>
      </div>
      <div className="mt-2" aria-live="polite">
        <FormMessage error={action.formError("name")} success={action.notice} />
      </div>
    </CreateForm>
  );
}
