import { Readable } from 'node:stream';
import { createPublicKey, KeyObject } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity';
import type { JsonSchema, ServiceDefinition } from '../catalogue/service-definition';
import { Clock } from '../common/clock/clock';
import { actorOf, departmentOf, UserPrincipal } from '../common/auth/principal';
import { DomainError } from '../common/problem/domain-error';
import { AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
import { EventsService } from '../events/events.service';
import { MaterialsService } from '../materials/materials.service';
import { approvedParticulars, CertificateParticular } from './certificate-particulars';
import { BUNDLED_CJK_FONT, renderCertificatePdf } from './certificate-pdf';
import {
  CertificateContent,
  isPublicContent,
  keyIdOf,
  LegacyCertificateContent,
  newVerificationCode,
  privateKeyFromPem,
  publicKeyFromPem,
  signCertificate,
  verificationCodesMatch,
  verifyCertificate,
} from './certificate-signature';
import {
  CertificateDto,
  CertificateVerificationDto,
  PublicCertificateDto,
  PublicKeyDto,
} from './dto/certificate.dto';
import { signingKeyPem } from './signing-key-source';

interface CertificateRow {
  id: string;
  number: string;
  application_id: string;
  enterprise_id: string;
  service_code: string;
  content: LegacyCertificateContent;
  signature: string;
  key_id: string;
  verification_code: string;
  valid_from: string;
  valid_until: string | null;
  status: 'ACTIVE' | 'REVOKED';
  revoked_at: Date | null;
  revocation_reason: string | null;
  issued_at: Date;
  /** Null for certificates issued before particulars were kept with them. */
  particulars: CertificateParticular[] | null;
}

/** A certificate with what labels its particulars when it predates their column. */
interface PrintableRow extends CertificateRow {
  application_form: Record<string, unknown> | null;
  form_schema: JsonSchema | null;
}

/**
 * A certificate, and for one issued before particulars were kept with it, its application's
 * form and the current form schema of its service, which name the particulars it prints.
 */
const PRINTABLE_CERTIFICATE = `SELECT c.*,
    CASE WHEN c.particulars IS NULL THEN a.form END AS application_form,
    CASE WHEN c.particulars IS NULL THEN v.definition->'formSchema' END AS form_schema
  FROM certificates c
  JOIN applications a ON a.id = c.application_id
  LEFT JOIN services s ON s.code = c.service_code
  LEFT JOIN service_versions v ON v.service_code = s.code AND v.version = s.current_version`;

function particularsOf(row: PrintableRow): CertificateParticular[] {
  if (row.particulars) return row.particulars;
  if (!row.form_schema || !row.application_form) return [];
  return approvedParticulars(row.form_schema, row.application_form);
}

interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
}

/** Reminders before a certificate expires, in days. */
export const EXPIRY_REMINDER_DAYS = [90, 30, 7] as const;
const SIGNING_KEY_LOCK_KEY = 7_352_012;

/** Compared against when the number is unknown, so that refusal costs what a wrong code does. */
const UNKNOWN_CERTIFICATE_CODE = newVerificationCode();

const shanghaiDate = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, day));
  // 31 Jan + 1 month: clamp to the end of February, as validity periods are read.
  if (target.getUTCDate() !== day) target.setUTCDate(0);
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

/** What a verifier is shown; the signed content only when it holds nothing more. */
function publicCertificateOf(row: CertificateRow): PublicCertificateDto {
  const { content } = row;
  const publishable = isPublicContent(content);
  return {
    number: row.number,
    serviceCode: content.serviceCode,
    serviceName: content.serviceName,
    serviceNameEn: content.serviceNameEn,
    title: content.title,
    titleEn: content.titleEn,
    holder: { name: content.holder.name, creditCode: content.holder.creditCode },
    issuer: {
      departmentCode: content.issuer.departmentCode,
      departmentName: content.issuer.departmentName,
    },
    issuedAt: content.issuedAt,
    validFrom: content.validFrom,
    validUntil: content.validUntil,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    signedContent: publishable ? content : null,
    signature: publishable ? row.signature : null,
    keyId: row.key_id,
  };
}

/**
 * Certificates: numbered per service and year, signed with Ed25519 over their canonical
 * content, verifiable by anyone with the number and code, revocable by a head, and filed in
 * the enterprise's material library so later services reuse them.
 */
@Injectable()
export class CertificatesService implements OnApplicationBootstrap {
  private signingKey?: Promise<SigningKey>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly materials: MaterialsService,
    private readonly events: EventsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A new key is the active one from the moment a process configured with it starts. */
  async onApplicationBootstrap(): Promise<void> {
    await this.currentSigningKey();
  }

  /** Issues the certificate of an approved application, once: a repeat returns the first. */
  async issue(
    manager: EntityManager,
    application: Application,
    definition: ServiceDefinition,
  ): Promise<string> {
    const [existing] = await manager.query(
      `SELECT id FROM certificates WHERE application_id = $1`,
      [application.id],
    );
    if (existing) return existing.id;
    const spec = definition.certificate;
    if (!spec) throw new Error(`Service ${application.serviceCode} issues no certificate`);
    const now = this.clock.now();
    const issuedOn = shanghaiDate(now);
    // Where the rule ties validity to what the workflow learned (the risk class), that decides.
    const validityMonths =
      (spec.validityByFact &&
        spec.validityByFact.months[application.facts[spec.validityByFact.fact]]) ??
      spec.validityMonths;
    const year = Number(issuedOn.slice(0, 4));
    const [{ last_number: serial }] = await manager.query(
      `INSERT INTO certificate_counters (service_code, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (service_code, year) DO UPDATE SET last_number = certificate_counters.last_number + 1 RETURNING last_number`,
      [application.serviceCode, year],
    );
    const [enterprise] = await manager.query(
      `SELECT name, credit_code FROM enterprises WHERE id = $1`,
      [application.enterpriseId],
    );
    const [department] = await manager.query(`SELECT name FROM departments WHERE code = $1`, [
      definition.departmentCode,
    ]);
    const content: CertificateContent = {
      number: `${application.serviceCode}-${year}-${String(serial).padStart(6, '0')}`,
      serviceCode: application.serviceCode!,
      serviceName: definition.name,
      serviceNameEn: definition.nameEn,
      title: spec.titleZh,
      titleEn: spec.titleEn,
      holder: { name: enterprise.name, creditCode: enterprise.credit_code.trim() },
      issuedAt: now.toISOString(),
      validFrom: issuedOn,
      validUntil: validityMonths ? addMonths(issuedOn, validityMonths) : null,
      issuer: { departmentCode: definition.departmentCode, departmentName: department.name },
    };
    const particulars = approvedParticulars(definition.formSchema, application.form);
    const key = await this.currentSigningKey();
    const signature = signCertificate(content, key.privateKey);
    const code = newVerificationCode();
    const [{ id }] = await manager.query(
      `INSERT INTO certificates (number, application_id, enterprise_id, service_code, content, signature, key_id, verification_code,
         valid_from, valid_until, issued_at, particulars)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        content.number,
        application.id,
        application.enterpriseId,
        application.serviceCode,
        content,
        signature,
        key.keyId,
        code,
        content.validFrom,
        content.validUntil,
        now,
        JSON.stringify(particulars),
      ],
    );

    const pdf = await renderCertificatePdf(
      content,
      particulars,
      { verifyUrl: this.verifyUrl(content.number, code), verificationCode: code, keyId: key.keyId },
      { cjkFontPath: BUNDLED_CJK_FONT },
    );
    const stored = await this.materials.store(Readable.from([pdf]), {
      maxBytes: pdf.length,
      allowedFormats: ['pdf'],
    });
    await this.materials.register(manager, stored);
    await manager.query(
      `INSERT INTO library_materials (enterprise_id, material_type, title, sha256, file_name, source, certificate_id, valid_until, created_at)
       VALUES ($1, $2, $3, $4, $5, 'CERTIFICATE', $6, $7, $8)`,
      [
        application.enterpriseId,
        spec.materialCode ?? `certificate_${application.serviceCode!.toLowerCase()}`,
        spec.titleZh,
        stored.sha256,
        `${content.number}.pdf`,
        id,
        content.validUntil,
        now,
      ],
    );
    await this.events.record(manager, {
      type: 'certificate.issued',
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: application.enterpriseId,
      actor: { type: 'system', id: null },
      data: {
        certificateId: id,
        number: content.number,
        validUntil: content.validUntil,
        serviceCode: application.serviceCode,
      },
    });
    return id;
  }

  async forApplication(applicationId: string): Promise<CertificateDto> {
    const [row]: PrintableRow[] = await this.dataSource.query(
      `${PRINTABLE_CERTIFICATE} WHERE c.application_id = $1`,
      [applicationId],
    );
    if (!row) throw DomainError.notFound('Certificate');
    return this.toDto(row);
  }

  async pdfForApplication(applicationId: string): Promise<Buffer> {
    const [row]: PrintableRow[] = await this.dataSource.query(
      `${PRINTABLE_CERTIFICATE} WHERE c.application_id = $1`,
      [applicationId],
    );
    if (!row) throw DomainError.notFound('Certificate');
    return renderCertificatePdf(
      row.content,
      particularsOf(row),
      {
        verifyUrl: this.verifyUrl(row.number, row.verification_code),
        verificationCode: row.verification_code,
        keyId: row.key_id,
      },
      { cjkFontPath: BUNDLED_CJK_FONT },
    );
  }

  /**
   * Public verification: the code must match and the signature must hold over the stored
   * content, so any change to a single field shows; then VALID, REVOKED or EXPIRED. An unknown
   * number and a wrong code answer alike, so numbers cannot be probed for existence.
   */
  async verify(number: string, code: string): Promise<CertificateVerificationDto> {
    // The key comes with the certificate: one round trip, and no second one to time.
    const [row]: (CertificateRow & { public_key_pem: string | null })[] =
      await this.dataSource.query(
        `SELECT c.*, k.public_key_pem FROM certificates c
         LEFT JOIN signing_keys k ON k.key_id = c.key_id WHERE c.number = $1`,
        [number],
      );
    const codeMatches = verificationCodesMatch(
      code,
      row?.verification_code ?? UNKNOWN_CERTIFICATE_CODE,
    );
    if (!row || !codeMatches)
      throw new DomainError('not-found', 'No certificate has this number and verification code');
    const authentic =
      row.public_key_pem !== null &&
      row.content.number === row.number &&
      verifyCertificate(row.content, row.signature, publicKeyFromPem(row.public_key_pem));
    if (!authentic) return { valid: false, status: 'INVALID' };
    const status =
      row.status === 'REVOKED'
        ? 'REVOKED'
        : row.valid_until && row.valid_until < shanghaiDate(this.clock.now())
          ? 'EXPIRED'
          : 'VALID';
    return { valid: status === 'VALID', status, certificate: publicCertificateOf(row) };
  }

  async publicKeys(): Promise<PublicKeyDto[]> {
    await this.currentSigningKey();
    const rows: { key_id: string; public_key_pem: string; active: boolean; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT key_id, public_key_pem, active, created_at FROM signing_keys ORDER BY created_at DESC`,
      );
    return rows.map((row) => ({
      keyId: row.key_id,
      algorithm: 'Ed25519',
      publicKeyPem: row.public_key_pem,
      active: row.active,
    }));
  }

  /** A head of the issuing department revokes a certificate, with a reason. */
  async revoke(principal: UserPrincipal, number: string, reason: string): Promise<CertificateDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: PrintableRow[] = await manager.query(
        `${PRINTABLE_CERTIFICATE} WHERE c.number = $1 FOR UPDATE OF c`,
        [number],
      );
      if (
        !row ||
        (principal.role !== 'ADMIN' &&
          row.content.issuer.departmentCode !== departmentOf(principal))
      ) {
        throw DomainError.notFound('Certificate');
      }
      if (principal.role !== 'DEPARTMENT_HEAD')
        throw new DomainError('forbidden', 'Only a head of the issuing department revokes');
      if (row.status === 'REVOKED')
        throw new DomainError('conflict', 'The certificate is already revoked');
      const [updated] = await updateReturning<CertificateRow>(
        manager,
        `UPDATE certificates SET status = 'REVOKED', revoked_at = $2, revoked_by = $3, revocation_reason = $4 WHERE id = $1 RETURNING *`,
        [row.id, this.clock.now(), principal.id, reason],
      );
      await this.events.record(manager, {
        type: 'certificate.revoked',
        subjectType: 'application',
        subjectId: row.application_id,
        enterpriseId: row.enterprise_id,
        actor: actorOf(principal),
        data: { certificateId: row.id, number: row.number, reason },
      });
      return this.toDto({ ...row, ...updated });
    });
  }

  /**
   * Reminds enterprises 90, 30 and 7 days before a certificate expires, each once. A sweep
   * that finds several due at once (the platform was down) sends only the nearest.
   */
  async remindExpiring(now: Date): Promise<number> {
    const due = await updateReturning<{
      id: string;
      application_id: string;
      enterprise_id: string;
      number: string;
      valid_until: string;
      reminder: number;
    }>(
      this.dataSource,
      `WITH due AS (
         SELECT c.id, min(d) AS reminder, array_agg(d) AS thresholds
         FROM certificates c, unnest($2::int[]) AS d
         WHERE c.status = 'ACTIVE' AND c.valid_until IS NOT NULL AND c.valid_until >= $1::date
           AND c.valid_until <= $1::date + d AND NOT (d = ANY(c.reminders_sent))
         GROUP BY c.id)
       UPDATE certificates c SET reminders_sent = c.reminders_sent || due.thresholds
       FROM due WHERE c.id = due.id
       RETURNING c.id, c.application_id, c.enterprise_id, c.number, c.valid_until, due.reminder`,
      [shanghaiDate(now), [...EXPIRY_REMINDER_DAYS]],
    );
    for (const certificate of due) {
      await this.events.record(this.dataSource.manager, {
        type: 'certificate.expiring',
        subjectType: 'application',
        subjectId: certificate.application_id,
        enterpriseId: certificate.enterprise_id,
        actor: { type: 'system', id: null },
        data: {
          certificateId: certificate.id,
          number: certificate.number,
          validUntil: certificate.valid_until,
          reminderDays: certificate.reminder,
        },
      });
    }
    return due.length;
  }

  /** The console's public verification page, which a person reaches from the QR code. */
  verifyUrl(number: string, code: string): string {
    return `${this.config.PUBLIC_BASE_URL}/verify/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`;
  }

  /** The configured key, registered as the active one (see activateConfiguredKey). */
  private currentSigningKey(): Promise<SigningKey> {
    this.signingKey ??= this.activateConfiguredKey().catch((error) => {
      this.signingKey = undefined;
      throw error;
    });
    return this.signingKey;
  }

  /**
   * Records the public half of the configured key and makes it the active one; the keys
   * before it stay, inactive, so certificates they signed still verify. The private half
   * never reaches the database.
   */
  private async activateConfiguredKey(): Promise<SigningKey> {
    const privateKey = privateKeyFromPem(signingKeyPem(this.config));
    const publicKey = createPublicKey(privateKey);
    const keyId = keyIdOf(publicKey);
    await this.dataSource.transaction(async (manager) => {
      // Processes booting together take turns, so one active key is left whatever the order.
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [SIGNING_KEY_LOCK_KEY]);
      await manager.query(`UPDATE signing_keys SET active = false WHERE active AND key_id <> $1`, [
        keyId,
      ]);
      await manager.query(
        `INSERT INTO signing_keys (key_id, algorithm, public_key_pem, active) VALUES ($1, 'Ed25519', $2, true)
         ON CONFLICT (key_id) DO UPDATE SET active = true`,
        [keyId, publicKey.export({ type: 'spki', format: 'pem' })],
      );
    });
    return { keyId, privateKey };
  }

  private toDto(row: PrintableRow): CertificateDto {
    return {
      id: row.id,
      number: row.number,
      applicationId: row.application_id,
      status: row.status,
      content: row.content,
      particulars: particularsOf(row),
      signature: row.signature,
      keyId: row.key_id,
      verificationCode: row.verification_code,
      verifyUrl: this.verifyUrl(row.number, row.verification_code),
      revokedAt: row.revoked_at?.toISOString() ?? null,
      revocationReason: row.revocation_reason,
    };
  }
}
