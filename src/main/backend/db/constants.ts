/** `PRAGMA application_id` of every Kith database: "Kith" in ASCII. */
export const KITH_APPLICATION_ID = 0x4b697468

export const DB_FILE_NAME = 'kith.sqlite'
export const BACKUP_DIR_NAME = 'backups'
