// Budget figures as people read them. A fixed locale so server and browser render the same text.
const twoDecimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "40.32", "403.2", "12,345": small budgets keep their decimals, big ones drop them. */
export function formatMinutesNumber(minutes: number): string {
  const abs = Math.abs(minutes);
  const text = abs < 100 ? twoDecimals.format(abs) : abs < 10_000 ? oneDecimal.format(abs) : whole.format(abs);
  // A typographic minus: easier to see than a hyphen in front of a figure.
  return minutes < 0 && text !== "0" ? `\u2212${text}` : text;
}

export function formatMinutes(minutes: number): string {
  return `${formatMinutesNumber(minutes)} min`;
}

/** "100%", "99.9%", "31.7%", "−12%"; never rounds a spent budget up to 100 %. */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return "—";
  let text = oneDecimal.format(Math.abs(percent));
  if (percent < 100 && percent > 0 && text === "100") text = "99.9";
  if (percent > 0 && percent < 0.1) text = "0.1";
  return `${percent < 0 && text !== "0" ? "\u2212" : ""}${text}%`;
}
