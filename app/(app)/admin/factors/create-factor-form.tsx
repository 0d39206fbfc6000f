"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { inputClass, primaryButtonClass } from "@/app/components/ui";
import { FormMessage } from "../form-message";
import { createFactorAction } from "./actions";

type Errors = { name?: string; description?: string };

export function CreateFactorForm({ nameMax }: { nameMax: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="create-factor-title"
      aria-busy={pending}
      onSubmit={async (event) => {
        event.preventDefault();
        if (pending) return;
        setErrors({});
        setMessage(null);
        setCreated(null);
        if (!name.trim()) {
          setErrors({ name: "Name is required" });
          return;
        }
        setPending(true);
        const result = await createFactorAction(name, description).catch(() => ({ ok: false as const, message: "Could not reach the server. Try again.", fields: undefined }));
        setPending(false);
        if (result.ok) {
          setCreated(`Added “${result.data.name}”. Authors can pick it on postmortems now.`);
          setName("");
          setDescription("");
          router.refresh();
          return;
        }
        if (result.fields?.name || result.fields?.description) setErrors({ name: result.fields.name, description: result.fields.description });
        else setMessage(result.message);
      }}
    >
      <h2 id="create-factor-title" className="text-base font-semibold">
        Add a contributing factor
      </h2>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">Name a condition that makes incidents possible, not a person or a team.</p>
      <div className="mt-3 grid gap-x-3 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_auto] sm:items-start">
        <Field id="new-factor-name" label="Name" error={errors.name}>
          {(aria) => <input {...aria} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={nameMax} disabled={pending} className={inputClass} />}
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
        <FormMessage error={message} success={created} />
      </div>
    </form>
  );
}
