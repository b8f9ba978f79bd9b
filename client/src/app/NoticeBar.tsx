/** The explorer's notice over the canvas: information fades by itself; errors stay until dismissed. */
import { useEffect } from 'react';
import type { Notice } from './useExplorer.ts';

const NOTICE_MS = 6_000;

interface Props {
  notice: Notice;
  onDismiss: () => void;
}

export function NoticeBar({ notice, onDismiss }: Props) {
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(onDismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  if (!notice) return null;
  return (
    <p
      className={`notice notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      {notice.text}
      <button type="button" className="notice__close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}
