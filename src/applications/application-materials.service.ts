import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BundlesService } from '../catalogue/bundles.service';
import { Clock } from '../common/clock/clock';
import { Actor, Principal } from '../common/auth/principal';
import { MultipartUpload } from '../common/http/multipart-upload';
import { DomainError } from '../common/problem/domain-error';
import { EventsService } from '../events/events.service';
import { mandateInForce, parkDay } from '../mandates/mandate-holders';
import { FileContent, MaterialsService } from '../materials/materials.service';
import type { StoredObject } from '../materials/storage/material-storage';
import { applicationChanged, ApplicationWorkflow } from './application-workflow.service';
import { Application } from './application.entity';
import { ApplicationDto } from './dto/application.dto';
import { LibraryMaterialReferenceInput } from './dto/application-input.dto';
import { ApplicationReader, MaterialRow } from './application-reader.service';

/** Concurrent attachments to one application retry this often before answering 409. */
const ATTACH_ATTEMPTS = 8;

export interface NewMaterial {
  materialType: string;
  sha256: string;
  fileName: string;
  libraryMaterialId?: string;
  /** An upload's stored bytes, registered with the material. */
  upload?: StoredObject;
}

/**
 * An application's materials: uploads checked against their type, documents of the
 * enterprise's library, each attachment superseding the earlier one of its type.
 */
@Injectable()
export class ApplicationMaterials {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bundles: BundlesService,
    private readonly workflow: ApplicationWorkflow,
    private readonly materials: MaterialsService,
    private readonly events: EventsService,
    private readonly reader: ApplicationReader,
    private readonly clock: Clock,
  ) {}

  /** Attaches an uploaded file as a material type of the application (replacing an earlier one). */
  async attachUpload(
    principal: Principal,
    id: string,
    upload: MultipartUpload,
  ): Promise<ApplicationDto> {
    const materialType = upload.fields.materialType;
    if (!materialType)
      throw DomainError.invalidField('materialType', 'is required (as a field before the file)');
    const { application, actor } = await this.findForMaterials(principal, id);
    const material = (await this.materialTypesOf(application)).get(materialType);
    if (!material)
      throw DomainError.invalidField(
        'materialType',
        `${materialType} is not a material of this application`,
      );
    const stored = await this.materials.store(upload.file, {
      maxBytes: material.maxBytes,
      allowedFormats: material.formats,
    });
    return this.attachMaterial(principal, application, actor, {
      materialType,
      sha256: stored.sha256,
      fileName: upload.fileName,
      file: stored,
      upload: stored,
    });
  }

  /** Attaches a document of the enterprise's material library: nothing is uploaded again. */
  async attachFromLibrary(
    principal: Principal,
    id: string,
    input: LibraryMaterialReferenceInput,
  ): Promise<ApplicationDto> {
    const { application, actor } = await this.findForMaterials(principal, id);
    const material = (await this.materialTypesOf(application)).get(input.materialType);
    if (!material)
      throw DomainError.invalidField(
        'materialType',
        `${input.materialType} is not a material of this application`,
      );
    if (!material.fromLibrary)
      throw DomainError.invalidField(
        'materialType',
        'must be uploaded for this application, not taken from the library',
      );
    const item = await this.materials.findLibraryMaterial(
      this.dataSource.manager,
      application.enterpriseId,
      input.libraryMaterialId,
    );
    if (!(material.formats as string[]).includes(item.format)) {
      throw new DomainError(
        'unsupported-media-type',
        `${input.materialType} must be ${material.formats.join(' or ')}, the library file is ${item.format}`,
      );
    }
    if (item.sizeBytes > material.maxBytes)
      throw new DomainError(
        'payload-too-large',
        `The library file is larger than ${material.maxBytes} bytes`,
      );
    return this.attachMaterial(principal, application, actor, {
      materialType: input.materialType,
      sha256: item.sha256,
      fileName: item.fileName,
      file: item,
      libraryMaterialId: item.id,
    });
  }

  /**
   * Attaches without a transaction or a lock: the one statement of writeMaterial proves by the
   * version that nothing changed since `read` was read; when something did (another
   * attachment), the application is read and checked again. The response is built from what
   * was read and written, not read back. A proxy's mandate is checked in that statement too.
   */
  private async attachMaterial(
    principal: Principal,
    read: Application,
    readActor: Actor,
    attachment: NewMaterial & { file: Omit<StoredObject, 'sha256'> },
  ): Promise<ApplicationDto> {
    let application = read;
    let actor = readActor;
    for (let attempt = 1; ; attempt++) {
      const written = await this.writeMaterial(
        this.dataSource.manager,
        application,
        attachment,
        actor,
      );
      if (written) {
        return this.reader.toDto(application, [
          ...written.others,
          {
            id: written.id,
            application_id: application.id,
            material_type: attachment.materialType,
            sha256: attachment.sha256,
            file_name: attachment.fileName,
            library_material_id: attachment.libraryMaterialId ?? null,
            created_at: written.createdAt,
            size_bytes: String(attachment.file.sizeBytes),
            format: attachment.file.format,
            media_type: attachment.file.mediaType,
          },
        ]);
      }
      if (attempt === ATTACH_ATTEMPTS) throw applicationChanged();
      ({ application, actor } = await this.findForMaterials(principal, application.id));
    }
  }

  async materialContent(
    principal: Principal,
    id: string,
    materialId: string,
  ): Promise<FileContent> {
    const application = await this.reader.findVisible(this.dataSource.manager, principal, id);
    const [row]: MaterialRow[] = await this.dataSource.query(
      `SELECT m.*, f.size_bytes, f.format, f.media_type FROM application_materials m JOIN stored_files f ON f.sha256 = m.sha256
       WHERE m.application_id = $1 AND m.id = $2`,
      [application.id, materialId],
    );
    if (!row) throw DomainError.notFound('Material');
    return this.materials.open(row.sha256, row.file_name);
  }

  /** The application, if materials may be attached to it now, and whom the act is recorded as. */
  private async findForMaterials(
    principal: Principal,
    id: string,
  ): Promise<{ application: Application; actor: Actor }> {
    const found = await this.reader.findWritable(this.dataSource.manager, principal, id, {
      act: 'prepare',
    });
    const { application } = found;
    if (
      (application.status !== 'DRAFT' && application.status !== 'SUPPLEMENT_REQUIRED') ||
      (application.parentId && application.status === 'DRAFT')
    ) {
      throw new DomainError(
        'conflict',
        `Materials can be attached to a draft or while a supplement is awaited; this one is ${application.status}`,
      );
    }
    return found;
  }

  private async materialTypesOf(application: Application) {
    if (application.kind === 'BUNDLE') {
      const bundle = await this.bundles.getBundle(application.bundleCode!);
      return new Map(bundle.materials.map((material) => [material.code, material]));
    }
    const definition = await this.workflow.definitionOf(application);
    return new Map(definition.materials.map((material) => [material.code, material]));
  }

  /** Attaches a library document inside the caller's transaction, which holds the lock. */
  async attachLibraryDocument(
    manager: EntityManager,
    application: Application,
    document: { materialType: string; libraryMaterialId: string },
    actor: Actor,
  ): Promise<void> {
    const item = await this.materials.findLibraryMaterial(
      manager,
      application.enterpriseId,
      document.libraryMaterialId,
    );
    await this.replaceMaterial(
      manager,
      application,
      {
        materialType: document.materialType,
        sha256: item.sha256,
        fileName: item.fileName,
        libraryMaterialId: item.id,
      },
      actor,
    );
  }

  /** Replaces a material inside the caller's transaction, which holds the application's lock. */
  async replaceMaterial(
    manager: EntityManager,
    application: Application,
    material: NewMaterial,
    actor: Actor,
  ): Promise<void> {
    if (!(await this.writeMaterial(manager, application, material, actor)))
      throw applicationChanged();
  }

  /**
   * One statement: the version bump (only if the application is still at the version it was
   * read at), the stored file's row for an upload, the material superseding the earlier one of
   * its type, and the event. Returns the other current materials as they were, or null when
   * the version moved and nothing was written.
   */
  private async writeMaterial(
    manager: EntityManager,
    application: Application,
    material: NewMaterial,
    actor: Actor,
  ): Promise<{ id: string; createdAt: Date; others: MaterialRow[] } | null> {
    const now = this.clock.now();
    const id = randomUUID();
    const upload = material.upload;
    const rows = await this.events.writeWithEvents<MaterialRow & { attached: boolean }>(
      manager,
      {
        ctes: `bumped AS (
            UPDATE applications SET version = version + 1, updated_at = $3
            WHERE id = $1 AND version = $4
              AND ($13::uuid IS NULL OR EXISTS (SELECT 1 FROM mandates m WHERE m.id = $13 AND ${mandateInForce('$14')}))
            RETURNING id
          ), registered AS (
            INSERT INTO stored_files (sha256, size_bytes, format, media_type)
            SELECT $6, $10, $11, $12 FROM bumped WHERE $10::bigint IS NOT NULL
            ON CONFLICT (sha256) DO NOTHING
          ), superseded AS (
            UPDATE application_materials m SET superseded_at = $3 FROM bumped
            WHERE m.application_id = $1 AND m.material_type = $2 AND m.superseded_at IS NULL
          ), attached AS (
            INSERT INTO application_materials (id, application_id, material_type, sha256, file_name, library_material_id, created_by, created_at)
            SELECT $5, $1, $2, $6, $7, $8, $9, $3 FROM bumped
          )`,
        params: [
          application.id,
          material.materialType,
          now,
          application.version,
          id,
          material.sha256,
          material.fileName,
          material.libraryMaterialId ?? null,
          actor.id,
          upload?.sizeBytes ?? null,
          upload?.format ?? null,
          upload?.mediaType ?? null,
          actor.mandate?.id ?? null,
          parkDay(now),
        ],
        guard: 'bumped',
        // The statement does not see its own writes: these are the materials from before it.
        select: `SELECT EXISTS (SELECT 1 FROM bumped) AS attached, m.*, f.size_bytes, f.format, f.media_type
          FROM (SELECT 1) AS one LEFT JOIN (application_materials m JOIN stored_files f ON f.sha256 = m.sha256)
            ON m.application_id = $1 AND m.superseded_at IS NULL AND m.material_type <> $2
          ORDER BY m.created_at, m.id`,
      },
      [
        {
          type: 'material.attached',
          subjectType: 'application',
          subjectId: application.id,
          enterpriseId: application.enterpriseId,
          actor,
          data: {
            materialId: id,
            materialType: material.materialType,
            sha256: material.sha256,
            fromLibrary: Boolean(material.libraryMaterialId),
          },
        },
      ],
    );
    if (!rows[0].attached) return null;
    application.version += 1;
    return { id, createdAt: now, others: rows.filter((row) => row.id !== null) };
  }
}
