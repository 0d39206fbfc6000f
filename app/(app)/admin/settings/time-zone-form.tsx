"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "@/app/components/ui";
import { FormMessage } from "../form-message";
import { saveTimeZoneAction } from "./actions";
import { COMMON_TIME_ZONES, currentOffset, knownTimeZone } from "./time-zones";

const OTHER = "__other__";
const offline = { ok: false as const, code: "network", message: "Could not reach the server. Try again.", fields: undefined };

/** The organisation's time zone: a common one from the list, or any IANA name typed in. */
export function TimeZoneForm({ initial }: { initial: string }) {
  const router = useRouter();
  const listed = (zone: string) => (COMMON_TIME_ZONES as readonly string[]).includes(zone);
  const [saved, setSaved] = useState(initial);
  const [choice, setChoice] = useState(listed(initial) ? initial : OTHER);
  const [typed, setTyped] = useState(listed(initial) ? "" : initial);
  const [pending, setPending] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const zone = choice === OTHER ? typed.trim() : choice;
  const offset = zone ? currentOffset(zone) : null;

  return (
    <form
      noValidate
      aria-labelledby="timezone-title"
      aria-busy={pending}
      onSubmit={async (event) => {
        event.preventDefault();
        if (pending) return;
        setFieldError(null);
        setError(null);
        setNotice(null);
        const known = knownTimeZone(zone);
        if (!known) {
          setFieldError(zone ? `“${zone}” is not a time zone this browser knows. Use an IANA name such as Europe/Berlin.` : "Type a time zone, such as Europe/Berlin.");
          return;
        }
        setPending(true);
        const result = await saveTimeZoneAction(known).catch(() => offline);
        setPending(false);
        if (!result.ok) {
          if (result.fields?.timeZone) setFieldError(result.fields.timeZone);
          else setError(result.message);
          return;
        }
        setSaved(result.data.timeZone);
        if (choice === OTHER) setTyped(result.data.timeZone);
        setNotice(`Saved. Postmortem deadlines now count business days in ${result.data.timeZone}.`);
        router.refresh();
      }}
    >
      <h2 id="timezone-title" className="text-base font-semibold">
        Organisation time zone
      </h2>
      <p className="mt-0.5 text-sm text-zinc-500 dark:text-zinc-400">
        Weekends and business days for postmortem deadlines are counted in this zone. Times on incidents stay in UTC. Currently <strong className="font-semibold">{saved}</strong>.
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="timezone-select" className={labelClass}>
            Time zone
          </label>
          <select
            id="timezone-select"
            value={choice}
            disabled={pending}
            onChange={(e) => {
              setChoice(e.target.value);
              setFieldError(null);
            }}
            aria-describedby="timezone-offset"
            className={`${inputClass} mt-1`}
          >
            {COMMON_TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
            <option value={OTHER}>Other (type an IANA name)…</option>
          </select>
          <p id="timezone-offset" className={hintClass}>
            {offset ? `${zone}: ${offset} today.` : "\u00a0"}
          </p>
        </div>
        {choice === OTHER ? (
          <div>
            <label htmlFor="timezone-other" className={labelClass}>
              IANA time zone name
            </label>
            <input
              id="timezone-other"
              value={typed}
              disabled={pending}
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. America/Argentina/Buenos_Aires"
              maxLength={64}
              onChange={(e) => {
                setTyped(e.target.value);
                setFieldError(null);
              }}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby="timezone-other-error"
              className={`${inputClass} mt-1`}
            />
            <p id="timezone-other-error" className={errorClass} aria-live="polite">
              {fieldError ?? ""}
            </p>
          </div>
        ) : fieldError ? (
          <p role="alert" className={errorClass}>
            {fieldError}
          </p>
        ) : null}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButtonClass} disabled={pending || zone === saved}>
          {pending ? "Saving…" : "Save time zone"}
        </button>
      </div>
      <div className="mt-2" aria-live="polite">
        <FormMessage error={error} success={notice} />
      </div>
    </form>
  );
}
