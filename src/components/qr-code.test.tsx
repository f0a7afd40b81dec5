import { render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { QrCode, qrMatrixOf, qrPathOf, qrQuietZone } from '@/components/qr-code';

const link =
  'https://example.test/tyk-upgrade-wizard/#/s/eyJ2IjoxLCJtIjoic2VsZi1tYW5hZ2VkIiwiYyI6WyJnYXRld2F5Il19';

/** Reads the dark modules back out of the path: `M<x> <y>h<run>v1h-<run>z` per run. */
function modulesOf(path: string, side: number): boolean[][] {
  const matrix = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dx = 0; dx < Number(run); dx += 1) {
      const row = matrix[Number(y)];
      if (row !== undefined) row[Number(x) + dx] = true;
    }
  }
  return matrix;
}

describe('QrCode', () => {
  it('draws an image named for screen readers, sized as uqr encodes the text', () => {
    render(<QrCode text={link} label="QR code of the plan link" />);

    const image = screen.getByRole('img', { name: 'QR code of the plan link' });
    expect(image.tagName.toLowerCase()).toBe('svg');
    const { size } = encode(link, { ecc: 'M', border: 0 });
    const side = size + 2 * qrQuietZone;
    expect(image).toHaveAttribute('viewBox', `0 0 ${side} ${side}`);
    expect(image).toHaveAttribute('data-modules', String(size));
  });

  it('puts every dark module of the matrix, and only those, inside a quiet zone', () => {
    const { container } = render(<QrCode text={link} label="QR code of the plan link" />);

    const expected = encode(link, { ecc: 'M', border: 0 }).data;
    const side = expected.length + 2 * qrQuietZone;
    const drawn = modulesOf(container.querySelector('path')?.getAttribute('d') ?? '', side);
    const padded = Array.from({ length: side }, (_, y) =>
      Array.from({ length: side }, (_, x) => expected[y - qrQuietZone]?.[x - qrQuietZone] === true),
    );
    expect(drawn).toEqual(padded);
  });

  it('says so instead of drawing when the link is too long for a code read from paper', () => {
    render(<QrCode text={`${link}${'A'.repeat(4000)}`} label="QR code of the plan link" />);

    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText(/too long for a QR code/)).toBeVisible();
  });
});

describe('qrMatrixOf', () => {
  it('falls back to low error correction before giving up', () => {
    // Long enough for level L at the largest version allowed, not for level M.
    const text = `https://example.test/#/s/${'a'.repeat(1100)}`;
    expect(() => encode(text, { ecc: 'M', border: 0, maxVersion: 25 })).toThrow();
    expect(qrMatrixOf(text)).toEqual(encode(text, { ecc: 'L', border: 0, maxVersion: 25 }).data);
  });

  it('draws one rectangle per run of dark modules', () => {
    expect(
      qrPathOf(
        [
          [true, true, false, true],
          [false, false, false, false],
        ],
        0,
      ),
    ).toBe('M0 0h2v1h-2zM3 0h1v1h-1z');
  });
});
