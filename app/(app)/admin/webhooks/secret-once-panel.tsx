"use client";
import { KeyRound } from "lucide-react";
import type { WebhookFormat } from "@/lib/webhooks/event-types";
import { CopySecretField } from "../copy-secret-field";
import { NoticePanel } from "./notice-panel";

/** The README section that explains verifying in full (the README is the operator's manual). */
export const VERIFY_SECTION = "Outgoing webhooks → Verifying our signatures";

const code = "font-mono text-xs";

/**
 * A new or rotated signing secret, shown this once: read-only field, Copy, Done, and how a
 * receiver checks the signature. The page never renders it again.
 */
export function SecretOncePanel({ name, format, secret, onDone }: { name: string; format: WebhookFormat; secret: string; onDone: () => void }) {
  return (
    <NoticePanel titleId="webhook-secret-title" icon={KeyRound} title={<>Copy the secret for &ldquo;{name}&rdquo; now</>}>
      <p className="mt-1 text-sm">
        <strong>You won&rsquo;t see it again</strong>: copy it now into the configuration of the receiver. If it is lost, rotate the secret on the
        endpoint&rsquo;s page.
      </p>
      <CopySecretField id="webhook-secret" label="Signing secret" value={secret} copiedMessage="Secret copied to the clipboard" onDone={onDone} />
      <h3 className="mt-4 text-sm font-semibold">How to verify a request</h3>
      <p className="mt-1 text-sm">
        Every request carries <code className={code}>webhook-id</code>, <code className={code}>webhook-timestamp</code> and{" "}
        <code className={code}>webhook-signature</code> headers (Standard Webhooks). The signature is <code className={code}>v1,</code> followed by the base64
        HMAC-SHA256 of <code className={code}>id.timestamp.body</code>, keyed with the base64-decoded part after <code className={code}>whsec_</code>; a
        Standard Webhooks library does it in one call. Reject old timestamps.
        {format === "standard" ? "" : " Slack and Teams do not check it; a proxy or receiver of yours can."} The README section &ldquo;{VERIFY_SECTION}&rdquo;
        has examples.
      </p>
    </NoticePanel>
  );
}
