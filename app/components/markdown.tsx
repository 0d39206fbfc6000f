import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

const SAFE_PROTOCOL = /^(https?:|mailto:|#|\/)/i;

/** Markdown without raw HTML; javascript:, data: and other odd links are dropped. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-note text-sm leading-relaxed break-words">
      <ReactMarkdown
        skipHtml
        rehypePlugins={[rehypeSanitize]}
        urlTransform={(url) => (SAFE_PROTOCOL.test(url.trim()) ? url : "")}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="noopener noreferrer nofollow" target="_blank" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
