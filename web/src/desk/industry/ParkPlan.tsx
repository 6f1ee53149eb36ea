import type { components } from '@parkline/client';
import { Button, Col, Descriptions, Flex, Grid, Row, Typography } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { directoryLink, type Zone } from '../../directory/directory-filter';
import { useI18n } from '../../shared/i18n/i18n';
import { figureFormats } from '../overview/format-figures';
import type { ZoneFigures } from './industry-figures';
import {
  labelLines,
  outlinePath,
  textColourOn,
  viewBoxAttribute,
  widthAt,
  zoneFill,
  zonesViewBox,
} from './plan-geometry';

type Plan = components['schemas']['ParkPlanDto'];
type ParkZone = Plan['zones'][number];

const NO_FIGURES: ZoneFigures = { enterprises: 0, products: 0, devices: 0 };
const NAME_SIZE = 17;
const COUNT_SIZE = { desk: 26, phone: 36 };

/**
 * The park plan drawn from the zones' outlines, each zone shaded by its enterprises. A zone is
 * a link: hovering or focusing it shows its figures, a click or Enter opens its enterprises.
 * Colours and sizes are SVG attributes (the CSP refuses style attributes).
 */
export function ParkPlan({ plan, figures }: { plan: Plan; figures: Map<string, ZoneFigures> }) {
  const { t, pick, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const write = figureFormats(language);
  const [active, setActive] = useState<Zone>();
  const viewBox = useMemo(
    () =>
      zonesViewBox(
        plan.zones.map((zone) => zone.outline),
        plan,
      ),
    [plan],
  );
  const max = Math.max(0, ...plan.zones.map((zone) => figures.get(zone.code)?.enterprises ?? 0));
  const figuresOf = (zone: ParkZone) => figures.get(zone.code) ?? NO_FIGURES;
  const open = (zone: ParkZone) => navigate(directoryLink({ zone: zone.code }));
  const shown = plan.zones.find((zone) => zone.code === active);

  function onKey(event: KeyboardEvent, zone: ParkZone) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open(zone);
  }

  const countSize = phone ? COUNT_SIZE.phone : COUNT_SIZE.desk;
  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} lg={16}>
        <svg
          viewBox={viewBoxAttribute(viewBox)}
          width="100%"
          role="group"
          aria-label={t('industry.plan.label', { name: pick(plan.name, plan.nameEn) })}
          data-testid="park-plan"
        >
          {plan.zones.map((zone) => {
            const zoneFigures = figuresOf(zone);
            const fill = zoneFill(zoneFigures.enterprises, max);
            const ink = textColourOn(fill);
            const [x, y] = zone.label;
            const name = pick(zone.name, zone.nameEn);
            const lines = phone
              ? []
              : labelLines(name, (widthAt(zone.outline, y) * 0.85) / NAME_SIZE);
            const countY =
              y + (lines.length ? ((lines.length + 1) * NAME_SIZE) / 2 + 4 : countSize / 3);
            const figureText = t('industry.plan.zoneFigures', {
              enterprises: write.count(zoneFigures.enterprises),
              products: write.count(zoneFigures.products),
              devices: write.count(zoneFigures.devices),
            });
            const isActive = active === zone.code;
            return (
              <g
                key={zone.code}
                role="link"
                tabIndex={0}
                aria-label={`${name}: ${figureText}`}
                data-zone={zone.code}
                cursor="pointer"
                onClick={() => open(zone)}
                onKeyDown={(event) => onKey(event, zone)}
                onMouseEnter={() => setActive(zone.code)}
                onFocus={() => setActive(zone.code)}
              >
                <title>{`${name}\n${figureText}`}</title>
                <path
                  d={outlinePath(zone.outline)}
                  fill={fill}
                  stroke={isActive ? '#fa8c16' : '#ffffff'}
                  strokeWidth={isActive ? 5 : 2}
                  strokeLinejoin="round"
                />
                <text x={x} textAnchor="middle" fill={ink} pointerEvents="none">
                  {lines.map((line, index) => (
                    <tspan
                      key={index}
                      x={x}
                      y={y - ((lines.length - 1) * NAME_SIZE) / 2 + index * NAME_SIZE}
                      fontSize={NAME_SIZE}
                    >
                      {line}
                    </tspan>
                  ))}
                  <tspan x={x} y={countY} fontSize={countSize} fontWeight={600}>
                    {write.count(zoneFigures.enterprises)}
                  </tspan>
                </text>
              </g>
            );
          })}
        </svg>
      </Col>
      <Col xs={24} lg={8}>
        {shown ? (
          <ZoneDetail zone={shown} figures={figuresOf(shown)} onOpen={() => open(shown)} />
        ) : (
          <Typography.Paragraph type="secondary">{t('industry.plan.hint')}</Typography.Paragraph>
        )}
        <ZoneLegend zones={plan.zones} figuresOf={figuresOf} />
      </Col>
    </Row>
  );
}

function ZoneDetail({
  zone,
  figures,
  onOpen,
}: {
  zone: ParkZone;
  figures: ZoneFigures;
  onOpen: () => void;
}) {
  const { t, pick, language } = useI18n();
  const write = figureFormats(language);
  return (
    <div aria-live="polite" data-testid="zone-detail">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {pick(zone.name, zone.nameEn)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{pick(zone.focus, zone.focusEn)}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'enterprises',
            label: t('industry.figure.enterprises'),
            children: write.count(figures.enterprises),
          },
          {
            key: 'products',
            label: t('industry.figure.products'),
            children: write.count(figures.products),
          },
          {
            key: 'devices',
            label: t('industry.figure.devices'),
            children: write.count(figures.devices),
          },
        ]}
      />
      <Button type="primary" size="small" onClick={onOpen}>
        {t('industry.plan.open')}
      </Button>
    </div>
  );
}

/** The zones by name with their counts: the plan's legend, and its text for a small screen. */
function ZoneLegend({
  zones,
  figuresOf,
}: {
  zones: Plan['zones'];
  figuresOf: (zone: ParkZone) => ZoneFigures;
}) {
  const { t, pick, language } = useI18n();
  const write = figureFormats(language);
  return (
    <nav aria-label={t('industry.plan.zones')} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('industry.plan.zones')}</Typography.Text>
      <Flex vertical gap={2} style={{ marginTop: 4 }}>
        {zones.map((zone) => (
          <Link key={zone.code} to={directoryLink({ zone: zone.code })}>
            {pick(zone.name, zone.nameEn)} · {write.count(figuresOf(zone).enterprises)}
          </Link>
        ))}
      </Flex>
    </nav>
  );
}
