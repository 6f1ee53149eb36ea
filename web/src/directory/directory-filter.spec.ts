import { directoryFilterOf, directoryLink } from './directory-filter';

describe('the directory filter in the address', () => {
  it('links a figure to its list, keys in one order', () => {
    expect(directoryLink({})).toBe('/directory');
    expect(directoryLink({ stage: 'PHASE_1', zone: 'CGT-PARK', segment: 'CRO' })).toBe(
      '/directory?segment=CRO&zone=CGT-PARK&stage=PHASE_1',
    );
  });

  it('reads back what it wrote, and drops what the API would refuse', () => {
    const link = directoryLink({
      zone: 'DEVICE-PARK',
      deviceClass: 'III',
      pending: 'true',
      q: '钱塘',
    });
    expect(directoryFilterOf(new URL(link, 'http://park').searchParams)).toEqual({
      zone: 'DEVICE-PARK',
      deviceClass: 'III',
      pending: 'true',
      q: '钱塘',
    });
    expect(
      directoryFilterOf(
        new URLSearchParams('zone=BioBAY-A&stage=phase_1&segment=&pending=yes&q=%20%20'),
      ),
    ).toEqual({});
  });
});
