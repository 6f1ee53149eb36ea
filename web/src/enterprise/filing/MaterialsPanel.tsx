import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Space, Tag, Typography, Upload } from 'antd';
import { CheckCircleFilled, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ParklineApiError } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import {
  isRequiredNow,
  requirementOf,
  SituationRule,
  type FormField,
  type Requirement,
} from '../../shared/schema-form';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { rowsStyle, rowStyle } from '../catalogue/CatalogueMaterials';
import { formatBytes, formatsText, MaterialHeading } from '../catalogue/materials';
import type { MaterialType } from '../catalogue/queries';
import { libraryQuery, storeApplication } from './draft';
import { LibraryPicker } from './LibraryPicker';
import { acceptOf, fileProblemOf, uploadMaterial, type Application } from './upload';

type Attached = Application['materials'][number];

/** Needed now first, then what the checklist will decide, the optional, and the not needed. */
const ORDER: Requirement[] = ['ALWAYS', 'NOW', 'UNKNOWN', 'OPTIONAL', 'NOT_NOW'];

function RequirementTag({ requirement }: { requirement: Requirement }) {
  const { t } = useI18n();
  switch (requirement) {
    case 'ALWAYS':
      return <Tag color="red">{t('catalogue.material.always')}</Tag>;
    case 'NOW':
      return <Tag color="red">{t('filing.material.now')}</Tag>;
    case 'UNKNOWN':
      return <Tag color="orange">{t('filing.material.unknown')}</Tag>;
    case 'NOT_NOW':
      return <Tag>{t('filing.material.notNow')}</Tag>;
    default:
      return <Tag>{t('catalogue.material.optional')}</Tag>;
  }
}

/** An upload refused before or by the server, in the user's words where we know the reason. */
function UploadProblem({ problem, material }: { problem: unknown; material: MaterialType }) {
  const { t } = useI18n();
  const formats = formatsText(material.formats);
  const size = formatBytes(material.maxBytes);
  const status = problem instanceof ParklineApiError ? problem.status : undefined;
  if (problem === 'format' || status === 415)
    return <Alert type="error" showIcon title={t('filing.upload.wrongFormat', { formats })} />;
  if (problem === 'size' || status === 413)
    return <Alert type="error" showIcon title={t('filing.upload.tooLarge', { size })} />;
  if (problem === 'empty') return <Alert type="error" showIcon title={t('filing.upload.empty')} />;
  return <ProblemAlert error={problem} />;
}

function MaterialRow({
  application,
  material,
  requirement,
  attached,
  fields,
  libraryCount,
  disabled,
}: {
  application: Application;
  material: MaterialType;
  requirement: Requirement;
  attached?: Attached;
  fields: readonly FormField[];
  libraryCount: number;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState(0);
  const [refused, setRefused] = useState<'format' | 'size' | 'empty'>();
  const [picking, setPicking] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => uploadMaterial(application.id, material.code, file, setPercent),
    onMutate: () => setPercent(0),
    onSuccess: (updated) => storeApplication(queryClient, updated),
  });
  const problem = refused ?? upload.error;
  return (
    <li id={`material-${material.code}`} style={rowStyle}>
      <Flex vertical gap={8} align="flex-start">
        <MaterialHeading material={material} tags={<RequirementTag requirement={requirement} />}>
          {material.requiredWhen && requirement !== 'ALWAYS' && (
            <Typography.Text type="secondary">
              <SituationRule rule={material.requiredWhen} fields={fields} />
            </Typography.Text>
          )}
          {attached ? (
            <Typography.Text>
              <CheckCircleFilled style={{ color: '#16a34a' }} /> {attached.fileName}{' '}
              <Typography.Text type="secondary">
                ({formatBytes(attached.sizeBytes)}
                {attached.libraryMaterialId && ` · ${t('filing.material.fromLibrary')}`})
              </Typography.Text>
            </Typography.Text>
          ) : (
            isRequiredNow(requirement) && (
              <Typography.Text type="danger">{t('filing.material.missing')}</Typography.Text>
            )
          )}
        </MaterialHeading>
        <Space wrap>
          <Upload
            accept={acceptOf(material.formats)}
            showUploadList={false}
            disabled={disabled || upload.isPending}
            beforeUpload={(file) => {
              const why = fileProblemOf(file, material);
              setRefused(why);
              upload.reset();
              if (!why) upload.mutate(file);
              // The upload is ours (with progress through the typed client), never antd's.
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={disabled}>
              {attached ? t('filing.upload.replace') : t('filing.upload.choose')}
            </Button>
          </Upload>
          {material.fromLibrary && (
            <Button
              icon={<FolderOpenOutlined />}
              disabled={disabled || libraryCount === 0}
              onClick={() => setPicking(true)}
            >
              {t('filing.library.choose', { count: libraryCount })}
            </Button>
          )}
        </Space>
      </Flex>
      {upload.isPending && (
        <Progress
          percent={percent}
          size="small"
          status="active"
          aria-label={t('filing.upload.progress')}
        />
      )}
      {problem && <UploadProblem problem={problem} material={material} />}
      {picking && (
        <LibraryPicker
          application={application}
          material={material}
          onClose={() => setPicking(false)}
        />
      )}
    </li>
  );
}

/**
 * The materials of a draft, live: which the answers make required (situation rules evaluated
 * as the user types), what is attached, upload with progress, and reuse from the library.
 * Materials the answers do not call for are folded away unless something is attached to them.
 */
export function MaterialsPanel({
  application,
  materials,
  fields,
  form,
  disabled = false,
}: {
  application: Application;
  materials: MaterialType[];
  fields: readonly FormField[];
  /** The answers as they stand (unanswered fields left out). */
  form: Record<string, unknown>;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const library = useQuery(libraryQuery(application.enterpriseId));
  const rows = materials
    .map((material) => ({
      material,
      requirement: requirementOf(material, form),
      attached: application.materials.find((item) => item.materialType === material.code),
    }))
    .sort((a, b) => ORDER.indexOf(a.requirement) - ORDER.indexOf(b.requirement));
  const shown = rows.filter((row) => showAll || row.requirement !== 'NOT_NOW' || row.attached);
  const folded = rows.length - shown.length;
  const missing = rows.filter((row) => isRequiredNow(row.requirement) && !row.attached).length;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type={missing ? 'warning' : 'success'} aria-live="polite">
        {missing
          ? t('filing.material.missingCount', { count: missing })
          : t('filing.material.allGiven')}
      </Typography.Text>
      <ul style={rowsStyle}>
        {shown.map((row) => (
          <MaterialRow
            key={row.material.code}
            application={application}
            fields={fields}
            disabled={disabled}
            libraryCount={
              (library.data ?? []).filter((item) => item.materialType === row.material.code).length
            }
            {...row}
          />
        ))}
      </ul>
      {(folded > 0 || showAll) && (
        <Button
          type="link"
          style={{ alignSelf: 'flex-start', paddingInline: 0 }}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll
            ? t('filing.material.hideUnneeded')
            : t('filing.material.showUnneeded', { count: folded })}
        </Button>
      )}
    </Flex>
  );
}
