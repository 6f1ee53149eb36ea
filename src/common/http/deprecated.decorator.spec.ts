import { Controller, Get, NotFoundException } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { Deprecated, deprecatedField, deprecationHeaders } from './deprecated.decorator';

const NOTICE = {
  since: '2026-12-01',
  sunset: '2027-06-30',
  link: 'https://parkline.example/docs/versioning#2026-12-01-widgets',
};

class WidgetDto {
  @ApiProperty({ example: 'blue', ...deprecatedField('2027-06-30') })
  colour!: string;
}

@Controller('widgets')
class WidgetsController {
  @Deprecated(NOTICE)
  @ApiOperation({ summary: 'The widgets, as they were listed before' })
  @Get('legacy')
  listLegacyWidgets() {
    return { data: [] };
  }

  @ApiOperation({ summary: 'A widget that is gone' })
  @Deprecated(NOTICE)
  @Get('legacy/missing')
  getMissingWidget() {
    throw new NotFoundException();
  }

  @ApiOkResponse({ type: WidgetDto })
  @Get()
  listWidgets() {
    return { data: [] };
  }
}

describe('Deprecated', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [WidgetsController] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('sends Deprecation (RFC 9745), Sunset (RFC 8594) and the Link to the notice', async () => {
    const response = await app.inject({ method: 'GET', url: '/widgets/legacy' });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      deprecation: `@${Date.UTC(2026, 11, 1) / 1000}`,
      sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
      link: `<${NOTICE.link}>; rel="deprecation"; type="text/html"`,
    });
  });

  it('sends the notice with error answers too', async () => {
    const response = await app.inject({ method: 'GET', url: '/widgets/legacy/missing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers.deprecation).toBe(`@${Date.UTC(2026, 11, 1) / 1000}`);
  });

  it('leaves operations that are not deprecated alone', async () => {
    const response = await app.inject({ method: 'GET', url: '/widgets' });
    expect(response.headers).not.toHaveProperty('deprecation');
    expect(response.headers).not.toHaveProperty('sunset');
  });

  it('marks the operation deprecated in the document, with its sunset, keeping its summary', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    for (const path of ['/widgets/legacy', '/widgets/legacy/missing'])
      expect(document.paths[path].get).toMatchObject({
        deprecated: true,
        'x-sunset': NOTICE.sunset,
        'x-deprecation-link': NOTICE.link,
        summary: expect.stringMatching(/widget/),
      });
    expect(document.paths['/widgets'].get).not.toHaveProperty('deprecated');
  });

  it('marks a deprecated field with its sunset, keeping its other options', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(document.components?.schemas?.WidgetDto).toMatchObject({
      properties: { colour: { deprecated: true, 'x-sunset': '2027-06-30', example: 'blue' } },
    });
  });

  it('refuses a sunset sooner than six months after the announcement', () => {
    expect(() => deprecationHeaders({ ...NOTICE, sunset: '2027-05-31' })).toThrow(/6 months/);
    expect(() => deprecationHeaders({ ...NOTICE, sunset: '2027-06-01' })).not.toThrow();
  });

  it('refuses a date it cannot read', () => {
    expect(() => deprecationHeaders({ ...NOTICE, since: '1 Dec 2026' })).toThrow(/since/);
  });
});
