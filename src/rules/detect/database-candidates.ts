// What the Dashboard's and the Pump's settings say about the database: its kind, host and name as
// candidates, and the mgo drivers and SQLite backends the findings look at.
import { databaseTarget } from './addresses';
import { setting, type ResolvedInstance } from './instance-settings';
import { rank, type Candidate } from './observations';
import type { SourcedValue } from './types';

export function dashboardDatabase(
  resolved: ResolvedInstance,
  add: (candidate: Candidate) => void,
  mongoDrivers: SourcedValue[],
  sqlite: SourcedValue[],
): void {
  const type = setting(resolved, 'storage.main.type');
  const typeText = typeof type?.value === 'string' ? type.value.toLowerCase() : null;
  const mongoUrl = setting(resolved, 'mongo_url');
  const connection = setting(resolved, 'storage.main.connection_string');
  if (typeText === 'sqlite' && type !== undefined)
    sqlite.push({ value: 'storage.main.type sqlite', file: type.file, where: type.where });
  const database =
    typeText === 'postgres'
      ? 'postgres'
      : typeText === 'mongo' || typeText === 'mongodb'
        ? 'mongodb'
        : mongoUrl !== undefined && typeText === null
          ? 'mongodb'
          : null;
  const source = type ?? mongoUrl;
  if (database !== null && source !== undefined)
    add({
      field: 'database',
      value: database,
      file: source.file,
      where: source.where,
      rank: rank.declared,
    });
  const target =
    database === 'mongodb' && mongoUrl !== undefined && typeof mongoUrl.value === 'string'
      ? { setting: mongoUrl, ...databaseTarget(mongoUrl.value) }
      : connection !== undefined && typeof connection.value === 'string'
        ? { setting: connection, ...databaseTarget(connection.value) }
        : null;
  if (target !== null) {
    const note = `from the Dashboard's connection string`;
    if (target.host !== null)
      add({
        field: 'names.databaseHost',
        value: target.host,
        file: target.setting.file,
        where: target.setting.where,
        rank: rank.declared,
        note,
      });
    if (target.name !== null)
      add({
        field: 'names.databaseName',
        value: target.name,
        file: target.setting.file,
        where: target.setting.where,
        rank: rank.declared,
        note,
      });
  }
  const driver = setting(resolved, 'mongo_driver');
  if (driver !== undefined && typeof driver.value === 'string')
    mongoDrivers.push({ value: driver.value, file: driver.file, where: driver.where });
}

export function pumpBackends(
  resolved: ResolvedInstance,
  mongoDrivers: SourcedValue[],
  sqlite: SourcedValue[],
): void {
  for (const [key, value] of Object.entries(resolved.instance.settings)) {
    const match = /^pumps\.([^.]+)\.(type|meta\.type|meta\.driver)$/.exec(key);
    if (match === null || typeof value.value !== 'string') continue;
    const [, name = '', which] = match;
    if (which === 'meta.driver')
      mongoDrivers.push({ value: value.value, file: value.file, where: value.where });
    else if (value.value.toLowerCase() === 'sqlite')
      sqlite.push({
        value: `Pump backend ${name.toLowerCase()} uses sqlite`,
        file: value.file,
        where: value.where,
      });
  }
}
