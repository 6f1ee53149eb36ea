import { useMemo } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { STAGES, type DeviceClass, type Segment, type Stage } from './directory-filter';

/** The names of the industry's segments, stages and device classes, in the user's language. */
export function useIndustryWords() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      segment: (segment: Segment | null | undefined) =>
        segment ? t(`industry.segment.${segment}`) : t('industry.segment.none'),
      stage: (stage: Stage) => t(`industry.stage.${stage}`),
      stageIndex: (stage: Stage) => STAGES.indexOf(stage),
      deviceClass: (deviceClass: DeviceClass) => t(`industry.deviceClass.${deviceClass}`),
    }),
    [t],
  );
}
