"use client";
import { useState } from "react";
import { errorClass, hintClass, inputClass, labelClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { SettingsForm } from "./settings-form";
import { saveTimeZoneAction } from "./actions";
import { COMMON_TIME_ZONES, currentOffset, knownTimeZone } from "./time-zones";

const OTHER = "__other__";

/** The organisation's time zone: a common one from the list, or any IANA name typed in. */
export function TimeZoneForm({ initial }: { initial: string }) {
  const listed = (zone: string) => (COMMON_TIME_ZONES as readonly string[]).includes(zone);
  const [saved, setSaved] = useState(initial);
  const [choice, setChoice] = useState(listed(initial) ? initial : OTHER);
  const [typed, setTyped] = useState(listed(initial) ? "" : initial);
  const action = useServerAction();
  const { pending } = action;
  const fieldError = action.fieldError("timeZone") ?? null;
  const zone = choice === OTHER ? typed.trim() : choice;
  const offset = zone ? currentOffset(zone) : null;

  return (
    <SettingsForm
      titleId="timezone-title"
      pending={pending}
      dirty={zone !== saved}
      dirtyNote={false}
      saveLabel="Save time zone"
      error={action.formError("timeZone")}
      notice={action.notice}
      onSubmit={async () => {
        const known = knownTimeZone(zone);
        if (!known) {
          action.invalid({
            timeZone: zone
              ? `“${zone}” is not a time zone this browser knows. Use an IANA name such as Europe/Berlin.`
              : "Type a time zone, such as Europe/Berlin.",
          });
          return;
        }
        await action.run(() => saveTimeZoneAction(known), {
          notice: (data) => `Saved. Postmortem deadlines now count business days in ${data.timeZone}.`,
          onSuccess: (data) => {
            setSaved(data.timeZone);
            if (choice === OTHER) setTyped(data.timeZone);
          },
        });
      }}
    >
      <h2 id="timezone-title" className="text-base font-semibold">
        Organisation time zone
      </h2>
      <p className="mt-0.5 text-sm text-zinc-500 dark:text-zinc-400">
        Weekends and business days for postmortem deadlines are counted in this zone. Times on incidents stay in UTC. Currently{" "}
        <strong className="font-semibold">{saved}</strong>.
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
              action.clearError();
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
                action.clearError();
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
    </SettingsForm>
  );
}
