import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** What the shared-plan page hands over when it opens a link as a new plan. */
type OpenedFromLinkState = { readonly openedFromLink: { readonly planName: string } };

/** The navigation state that makes this page say the plan came from a shared link. */
export function openedFromLinkState(planName: string): OpenedFromLinkState {
  return { openedFromLink: { planName } };
}

/** Navigation state is whatever the history entry holds: read it as `unknown`. */
function planNameFromState(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('openedFromLink' in state)) return null;
  const opened: unknown = state.openedFromLink;
  if (typeof opened !== 'object' || opened === null || !('planName' in opened)) return null;
  return typeof opened.planName === 'string' ? opened.planName : null;
}

/** The plan's name, and whether the message has been shown (until then it only holds its room). */
type NoticeState = { readonly planName: string; readonly isShown: boolean };

/**
 * Says that the open plan was just made from a shared link. The message takes its room on the
 * first render, invisible, so the plan under it never moves down (a layout shift); it becomes
 * visible just after, inside a live region that was there from the start, so screen readers
 * announce it. The history entry forgets the message at once: a reload does not claim a second
 * plan was made.
 */
export function OpenedFromLinkNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const fromState = planNameFromState(location.state);
  const [notice, setNotice] = useState<NoticeState | null>(() =>
    fromState === null ? null : { planName: fromState, isShown: false },
  );
  const regionRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (fromState === null) return;
    setNotice({ planName: fromState, isShown: true });
    void navigate(
      { pathname: location.pathname, search: location.search },
      { replace: true, state: null },
    );
  }, [fromState, location.pathname, location.search, navigate]);

  function dismiss(): void {
    setNotice(null);
    // The button goes away with the message; the page's heading takes the keyboard.
    regionRef.current?.parentElement?.querySelector<HTMLElement>('h1')?.focus();
  }

  return (
    <div ref={regionRef} role="status" className={notice === null ? 'sr-only' : 'mb-6'}>
      {notice === null ? null : (
        <div
          className={`flex flex-wrap items-start justify-between gap-3 rounded-lg border-l-4 border-blue-700 bg-blue-50 p-4 text-slate-900 dark:border-sky-300 dark:bg-sky-950/40 dark:text-slate-100 ${notice.isShown ? '' : 'invisible'}`}
        >
          <p className="min-w-0 flex-1">
            This plan was opened from a shared link as a new plan, “{notice.planName}”. Your other
            plans are unchanged.
          </p>
          <button
            type="button"
            onClick={dismiss}
            aria-label="Dismiss this message"
            className="rounded-md border border-slate-700 px-3 py-1 text-sm font-semibold dark:border-slate-300"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
