import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { actsForEnterprise, isStaff, Principal } from '../common/auth/principal';
import { DomainError } from '../common/problem/domain-error';
import { LibraryMaterialDto } from './dto/library-material.dto';
import type { FileFormat } from './storage/file-format';
import {
  MaterialStorage,
  StoredObject,
  StoredObjectMissingError,
  UploadRejectedError,
  UploadLimits,
} from './storage/material-storage';
import { sweepOrphans } from './storage/orphan-sweep';

export const MATERIAL_STORAGE = Symbol('MATERIAL_STORAGE');

/** Files younger than this are never swept: their row may not have committed yet. */
const ORPHAN_GRACE_MS = 3600_000;

interface LibraryRow {
  id: string;
  enterprise_id: string;
  material_type: string;
  title: string;
  sha256: string;
  file_name: string;
  source: 'UPLOAD' | 'CERTIFICATE';
  certificate_id: string | null;
  valid_until: string | null;
  created_at: Date;
  size_bytes: string;
  format: FileFormat;
  media_type: string;
}

export const libraryMaterialFrom = (row: LibraryRow): LibraryMaterialDto => ({
  id: row.id,
  enterpriseId: row.enterprise_id,
  materialType: row.material_type,
  title: row.title,
  fileName: row.file_name,
  format: row.format,
  mediaType: row.media_type,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  source: row.source,
  certificateId: row.certificate_id,
  validUntil: row.valid_until,
  createdAt: row.created_at.toISOString(),
});

export interface FileContent {
  stream: NodeJS.ReadableStream;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/**
 * Uploaded files, stored by content hash: the bytes go to storage first, then a row in the
 * caller's transaction references them; the orphan sweep removes bytes no row kept.
 */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATERIAL_STORAGE) private readonly storage: MaterialStorage,
    private readonly catalogue: CatalogueService,
  ) {}

  /** Streams an upload into storage; too large is 413, a type not accepted (by its bytes) 415. */
  async store(
    file: AsyncIterable<Buffer> | NodeJS.ReadableStream,
    limits: UploadLimits,
  ): Promise<StoredObject> {
    try {
      return await this.storage.store(file, limits);
    } catch (error) {
      if (!(error instanceof UploadRejectedError)) throw error;
      switch (error.reason) {
        case 'too-large':
          throw new DomainError(
            'payload-too-large',
            `The file is larger than ${limits.maxBytes} bytes`,
          );
        case 'unsupported-type':
          throw new DomainError(
            'unsupported-media-type',
            `The file's content is not one of ${limits.allowedFormats.join(', ')}`,
          );
        case 'empty':
          throw DomainError.invalidField('file', 'is empty');
      }
    }
  }

  /** Records stored bytes so rows can reference them. */
  async register(manager: EntityManager, object: StoredObject): Promise<void> {
    await manager.query(
      `INSERT INTO stored_files (sha256, size_bytes, format, media_type) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`,
      [object.sha256, object.sizeBytes, object.format, object.mediaType],
    );
  }

  async open(sha256: string, fileName: string): Promise<FileContent> {
    const [file] = await this.dataSource.query(
      `SELECT size_bytes, media_type FROM stored_files WHERE sha256 = $1`,
      [sha256],
    );
    try {
      return {
        stream: await this.storage.open(sha256),
        fileName,
        mediaType: file.media_type,
        sizeBytes: Number(file.size_bytes),
      };
    } catch (error) {
      if (error instanceof StoredObjectMissingError) throw DomainError.notFound('File content');
      throw error;
    }
  }

  async listLibrary(
    principal: Principal,
    enterpriseId: string,
    materialType?: string,
  ): Promise<LibraryMaterialDto[]> {
    this.assertLibraryAccess(principal, enterpriseId);
    const rows: LibraryRow[] = await this.dataSource.query(
      `${LIBRARY_SELECT} WHERE l.enterprise_id = $1 AND ($2::text IS NULL OR l.material_type = $2)
       ORDER BY l.created_at DESC, l.id DESC LIMIT 500`,
      [enterpriseId, materialType ?? null],
    );
    // Staff may name any enterprise: an empty list must still mean one that exists.
    if (rows.length === 0 && !actsForEnterprise(principal, enterpriseId)) {
      const [exists] = await this.dataSource.query(`SELECT 1 FROM enterprises WHERE id = $1`, [
        enterpriseId,
      ]);
      if (!exists) throw DomainError.notFound('Enterprise');
    }
    return rows.map(libraryMaterialFrom);
  }

  async addToLibrary(
    principal: Principal,
    enterpriseId: string,
    upload: {
      materialType: string;
      title: string;
      fileName: string;
      file: AsyncIterable<Buffer>;
    },
  ): Promise<LibraryMaterialDto> {
    this.assertLibraryAccess(principal, enterpriseId, true);
    const limits = await this.catalogue.libraryLimitsOf(upload.materialType);
    if (!limits)
      throw DomainError.invalidField(
        'materialType',
        `${upload.materialType} is not a material type any current service takes from the library`,
      );
    const stored = await this.store(upload.file, {
      maxBytes: limits.maxBytes,
      allowedFormats: limits.formats,
    });
    return this.dataSource.transaction(async (manager) => {
      await this.register(manager, stored);
      const [{ id }] = await manager.query(
        `INSERT INTO library_materials (enterprise_id, material_type, title, sha256, file_name, source, created_by)
         VALUES ($1, $2, $3, $4, $5, 'UPLOAD', $6) RETURNING id`,
        [
          enterpriseId,
          upload.materialType,
          upload.title,
          stored.sha256,
          upload.fileName,
          principal.id,
        ],
      );
      return this.findLibraryMaterial(manager, enterpriseId, id);
    });
  }

  async findLibraryMaterial(
    manager: EntityManager,
    enterpriseId: string,
    id: string,
  ): Promise<LibraryMaterialDto> {
    const [row]: LibraryRow[] = await manager.query(
      `${LIBRARY_SELECT} WHERE l.enterprise_id = $1 AND l.id = $2`,
      [enterpriseId, id],
    );
    if (!row) throw DomainError.notFound('Library material');
    return libraryMaterialFrom(row);
  }

  async libraryContent(
    principal: Principal,
    enterpriseId: string,
    id: string,
  ): Promise<FileContent> {
    this.assertLibraryAccess(principal, enterpriseId);
    const material = await this.findLibraryMaterial(this.dataSource.manager, enterpriseId, id);
    return this.open(material.sha256, material.fileName);
  }

  /** Removes stored bytes that no row references (and their registry rows). */
  async sweepOrphanFiles(now: Date): Promise<{ scanned: number; removed: number }> {
    const result = await sweepOrphans(
      this.storage,
      async (hashes) => {
        const rows: { sha256: string }[] = await this.dataSource.query(
          `SELECT sha256 FROM unnest($1::text[]) AS h(sha256)
           WHERE EXISTS (SELECT 1 FROM application_materials a WHERE a.sha256 = h.sha256)
              OR EXISTS (SELECT 1 FROM library_materials l WHERE l.sha256 = h.sha256)`,
          [hashes],
        );
        return new Set(rows.map((row) => row.sha256));
      },
      { olderThan: new Date(now.getTime() - ORPHAN_GRACE_MS) },
    );
    await this.dataSource.query(
      `DELETE FROM stored_files f WHERE f.created_at < $1
         AND NOT EXISTS (SELECT 1 FROM application_materials a WHERE a.sha256 = f.sha256)
         AND NOT EXISTS (SELECT 1 FROM library_materials l WHERE l.sha256 = f.sha256)`,
      [new Date(now.getTime() - ORPHAN_GRACE_MS)],
    );
    return result;
  }

  /** Enterprise users and bound integrators reach their own library; staff may read any. */
  private assertLibraryAccess(principal: Principal, enterpriseId: string, write = false): void {
    if (actsForEnterprise(principal, enterpriseId)) return;
    if (!write && isStaff(principal)) return;
    throw DomainError.notFound('Enterprise');
  }
}

const LIBRARY_SELECT = `SELECT l.*, f.size_bytes, f.format, f.media_type FROM library_materials l JOIN stored_files f ON f.sha256 = l.sha256`;
