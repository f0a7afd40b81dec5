import type { ComponentType } from 'react';
import type { GuideSlug } from '@/rules';

export type GuideEntry = {
  readonly slug: GuideSlug;
  readonly title: string;
  /** One line for the list of guides. */
  readonly summary: string;
  readonly load: () => Promise<{ default: ComponentType }>;
};

// Keyed by slug so that the compiler insists on a guide for every slug a step may link to.
// Each guide is its own chunk: none of them weighs on the first load.
const guidesBySlug: { readonly [Slug in GuideSlug]: Omit<GuideEntry, 'slug'> } = {
  strategies: {
    title: 'Upgrade strategies',
    summary: 'Rolling, blue-green or a downtime window: what each needs and what can go wrong.',
    load: () => import('./guides/strategies.mdx'),
  },
  'upgrade-order': {
    title: 'Upgrade order',
    summary: 'Which component goes first for each deployment model, and why.',
    load: () => import('./guides/upgrade-order.mdx'),
  },
  'go-plugins': {
    title: 'Go plugins and upgrades',
    summary: 'Rebuilding plugins for the new Gateway and shipping them in a bundle.',
    load: () => import('./guides/go-plugins.mdx'),
  },
  backups: {
    title: 'Backups before an upgrade',
    summary: 'What to back up, how, and how to prove the restore works.',
    load: () => import('./guides/backups.mdx'),
  },
  glossary: {
    title: 'Glossary',
    summary: 'Control plane, data plane, MDCB, LTS, bundle and the other words the plan uses.',
    load: () => import('./guides/glossary.mdx'),
  },
  about: {
    title: 'About this wizard',
    summary: 'What the wizard does and what it does not do.',
    load: () => import('./guides/about.mdx'),
  },
};

export const guides: readonly GuideEntry[] = (Object.keys(guidesBySlug) as GuideSlug[]).map(
  (slug) => ({ slug, ...guidesBySlug[slug] }),
);

export function findGuide(slug: string | undefined): GuideEntry | undefined {
  return guides.find((guide) => guide.slug === slug);
}
