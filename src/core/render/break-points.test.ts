import { describe, expect, it } from 'vitest';
import { breakParts } from './break-points';

describe('breakParts', () => {
  it('splits an address before @ and after its dots, and the parts join to the address', () => {
    const parts = breakParts('priya.k@sahyadrihome.co.in');
    expect(parts).toEqual(['priya.', 'k', '@sahyadrihome.', 'co.', 'in']);
    expect(parts.join('')).toBe('priya.k@sahyadrihome.co.in');
  });

  it('leaves text with spaces, and a trailing or doubled dot, whole where it should', () => {
    expect(breakParts('Cog Plastics Pvt. Ltd.')).toEqual(['Cog Plastics Pvt. Ltd.']);
    expect(breakParts('a..b.')).toEqual(['a..', 'b.']);
    expect(breakParts('')).toEqual([]);
  });
});
