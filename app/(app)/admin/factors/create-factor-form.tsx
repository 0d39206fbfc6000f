"use client";
import { useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { CreateForm } from "../create-form";
import { createFactorAction } from "./actions";

const HEADING = { name: "factor", title: "Add a contributing factor", intro: "Name a condition that makes incidents possible, not a person or a team." };

export function CreateFactorForm({ nameMax }: { nameMax: number }) {
  const action = useServerAction();
  const { pending } = action;
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const errors = action.error?.fields ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.error?.fields);

  async function submit() {
    if (action.isBusy()) return;
    if (!name.trim()) return action.invalid({ name: "Name is required" });
    await action.run(() => createFactorAction(name, description), {
      notice: (factor) => `Added “${factor.name}”. Authors can pick it on postmortems now.`,
      onSuccess: () => {
        setName("");
        setDescription("");
      },
    });
  }

  return (
    <CreateForm formRef={formRef} heading={HEADING} pending={pending} onSubmit={submit}>
      <div className="mt-3 grid gap-x-3 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_auto] sm:items-start">
        <Field id="new-factor-name" label="Name" error={errors.name}>
          {(aria) => (
            <input
              {...aria}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              maxLength={nameMax}
              disabled={pending}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="new-factor-description" label="Description (optional)" error={errors.description}>
          {(aria) => (
            <input
              {...aria}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              autoComplete="off"
              maxLength={500}
              disabled={pending}
              placeholder="e.g. A flaky test hid a real failure"
              className={inputClass}
            />
          )}
        </Field>
        <button type="submit" className={`${primaryButtonClass} mt-1 w-full sm:mt-6 sm:w-auto`} disabled={pending}>
          {pending ? "Adding…" : "Add factor"}
        </button>
      </div>
      <div className="mt-2" aria-live="polite">
        <FormMessage error={action.formError("name", "description")} success={action.notice} />
      </div>
    </CreateForm>
  );
}
