import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import { safeLinkUrl } from "@/lib/security/safe-url";

/** Markdown without raw HTML; javascript:, data:, //other-host and other odd links are dropped (lib/security/safe-url). */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-note text-sm leading-relaxed break-words">
      <ReactMarkdown
        skipHtml
        rehypePlugins={[rehypeSanitize]}
        urlTransform={safeLinkUrl}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="noopener noreferrer nofollow" target="_blank" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
