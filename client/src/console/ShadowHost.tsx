/**
 * Renders its children inside a shadow root. CodeMirror then keeps its styles in constructed
 * stylesheets of that root instead of <style> elements, which the content security policy
 * forbids; stylesheets the children need are linked into the root by URL.
 */
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  stylesheets: readonly string[];
  className?: string;
  children: ReactNode;
}

export function ShadowHost({ stylesheets, className, children }: Props) {
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  return (
    <div
      className={className}
      ref={(host) => {
        if (host && !root) setRoot(host.shadowRoot ?? host.attachShadow({ mode: 'open' }));
      }}
    >
      {root &&
        createPortal(
          <>
            {stylesheets.map((href) => (
              <link key={href} rel="stylesheet" href={href} />
            ))}
            {children}
          </>,
          root,
        )}
    </div>
  );
}
