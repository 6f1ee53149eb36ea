import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/** Entry point of the TypeORM CLI (`npm run typeorm -- migration:generate migrations/Name`). */
export default new DataSource(databaseOptions(loadConfig()));
