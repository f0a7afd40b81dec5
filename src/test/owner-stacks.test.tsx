import { render, screen } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { skipOwnerStacks } from '@/test/owner-stacks';

const internals = (React as unknown as Record<string, Record<string, unknown>>)[
  '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE'
];

describe('skipOwnerStacks', () => {
  it('is in effect for this React: its count of recorded stacks stays at the quota', () => {
    // The setup file turned it on. If a React upgrade drops the counter, this fails, and the UI
    // tests have lost the time it saves.
    expect(internals?.['recentlyCreatedOwnerStacks']).toBe(10_000);
    if (internals !== undefined) internals['recentlyCreatedOwnerStacks'] = 0;
    expect(internals?.['recentlyCreatedOwnerStacks']).toBe(10_000);
  });

  it('leaves rendering as it was', () => {
    render(
      <ul aria-label="Steps">
        {['Back up', 'Upgrade'].map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ul>,
    );
    expect(screen.getByRole('list', { name: 'Steps' })).toHaveTextContent('Back upUpgrade');
  });

  it('keeps the recording when asked to', () => {
    expect(skipOwnerStacks({ REACT_OWNER_STACKS: 'on' })).toBe(false);
  });
});
