import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { Link, useParams } from 'react-router';
import { findGuide, guides } from '@/content/guides';
import { NotFound } from '@/components/not-found';

// One lazy component per guide, made once. A lazy component made while rendering is made anew
// each time a navigation's render suspends, so the guide would never finish loading.
const guideContents: ReadonlyMap<string, ComponentType> = new Map(
  guides.map((guide) => [guide.slug, lazy(guide.load)]),
);

export function GuidePage() {
  const { slug } = useParams();
  const guide = findGuide(slug);
  const Content = guide ? guideContents.get(guide.slug) : undefined;
  const articleRef = useRef<HTMLElement>(null);

  // Opening another guide from the list at the bottom starts reading at the top of the new one.
  useEffect(() => {
    articleRef.current?.focus();
  }, [slug]);

  if (!guide || !Content) return <NotFound />;

  return (
    <div className="space-y-10">
      <article
        ref={articleRef}
        tabIndex={-1}
        aria-label={guide.title}
        className="prose-guide max-w-3xl scroll-mt-4 outline-none"
      >
        <Suspense fallback={<p role="status">Loading {guide.title}…</p>}>
          <Content />
        </Suspense>
      </article>
      <nav
        aria-labelledby="all-guides-heading"
        className="max-w-3xl space-y-3 border-t border-slate-200 pt-6 dark:border-slate-800"
      >
        <h2 id="all-guides-heading" className="text-lg font-semibold">
          All guides
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {guides.map((entry) => (
            <li key={entry.slug}>
              <Link
                to={`/guides/${entry.slug}`}
                aria-current={entry.slug === guide.slug ? 'page' : undefined}
                className="font-medium text-blue-700 underline underline-offset-2 aria-[current=page]:text-slate-900 aria-[current=page]:no-underline dark:text-sky-300 dark:aria-[current=page]:text-slate-100"
              >
                {entry.title}
              </Link>
              <p className="text-sm text-slate-700 dark:text-slate-300">{entry.summary}</p>
            </li>
          ))}
        </ul>
        <p>
          <Link className="text-blue-700 underline dark:text-sky-300" to="/wizard/deployment">
            Plan an upgrade
          </Link>
        </p>
      </nav>
    </div>
  );
}
