import { fireEvent, render, screen } from '@testing-library/react';
import { useShortcuts } from './useShortcuts';

function Screen({ onNext, onOpen }: { onNext: () => void; onOpen: () => void }) {
  useShortcuts({ n: onNext, Enter: onOpen, c: undefined });
  return (
    <>
      <label>
        Reason
        <textarea />
      </label>
      <button type="button">Claim</button>
    </>
  );
}

describe('single-key shortcuts', () => {
  it('act on keys pressed on the page, not on those typed into a field or meant for a control', () => {
    const onNext = jest.fn();
    const onOpen = jest.fn();
    render(<Screen onNext={onNext} onOpen={onOpen} />);

    fireEvent.keyDown(document.body, { key: 'n' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect([onNext.mock.calls.length, onOpen.mock.calls.length]).toEqual([1, 1]);

    fireEvent.keyDown(screen.getByLabelText('Reason'), { key: 'n' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Claim' }), { key: 'Enter' });
    fireEvent.keyDown(document.body, { key: 'n', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'c' });
    expect([onNext.mock.calls.length, onOpen.mock.calls.length]).toEqual([1, 1]);
  });
});
