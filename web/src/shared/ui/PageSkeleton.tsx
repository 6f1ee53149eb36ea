import { Card, Skeleton } from 'antd';

/** Holds a screen's place while its code or data loads, so the layout does not jump. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Card variant="borderless" aria-busy="true">
      <Skeleton active title paragraph={{ rows }} />
    </Card>
  );
}
