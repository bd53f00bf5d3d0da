#!/bin/bash
# Nightly backup of the clinic's database and Data Protection keys, into the sqlserver-backups volume.
#   backup.sh          wait for BACKUP_TIME (TZ) every day, back up, delete files older than BACKUP_RETENTION_DAYS
#   backup.sh now      one backup now, then exit (docker compose run --rm sqlserver-backup now)
# SQL Server writes the .bak itself (BACKUP DATABASE runs on the server) to /var/opt/mssql/backup, the same
# volume mounted here; this container signs in as clinic_backup (db_backupoperator only), never as sa.
set -uo pipefail

dir=/var/opt/mssql/backup
db="${DATABASE_NAME:-DrChongClinic}"
time_of_day="${BACKUP_TIME:-02:30}"
retention="${BACKUP_RETENTION_DAYS:-14}"
sqlcmd=(/opt/mssql-tools18/bin/sqlcmd -S sqlserver -U clinic_backup -C -b -l 60)
export SQLCMDPASSWORD="${BACKUP_DB_PASSWORD:?BACKUP_DB_PASSWORD is empty}"

log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) sqlserver-backup: $*"; }

backup_once() {
  local stamp options edition
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  # Express (the default edition here) cannot compress backups; every other edition does.
  edition=$("${sqlcmd[@]}" -h -1 -W -Q "SET NOCOUNT ON; SELECT CAST(SERVERPROPERTY('EngineEdition') AS int)" | tr -d '[:space:]') || return 1
  options="CHECKSUM, INIT, NAME = N'$db nightly $stamp'"
  [ "$edition" != "4" ] && options="COMPRESSION, $options"
  "${sqlcmd[@]}" -Q "BACKUP DATABASE [$db] TO DISK = N'$dir/${db}_$stamp.bak' WITH $options" || return 1
  tar -C /app-data -czf "$dir/keys_$stamp.tar.gz" keys || return 1
  chown 10001:0 "$dir/keys_$stamp.tar.gz" && chmod 0640 "$dir/keys_$stamp.tar.gz"
  find "$dir" -maxdepth 1 -type f \( -name "${db}_*.bak" -o -name 'keys_*.tar.gz' \) -mtime +"$retention" -print -delete
  date -u +%Y-%m-%dT%H:%M:%SZ > "$dir/last-success"
  log "done: ${db}_$stamp.bak and keys_$stamp.tar.gz (keeping $retention days)"
}

if [ "${1:-}" = "now" ]; then
  backup_once || { log "FAILED"; exit 1; }
  exit 0
fi

log "scheduled daily at $time_of_day (${TZ:-UTC}), keeping $retention days in the sqlserver-backups volume"
while true; do
  now=$(date +%s)
  next=$(date -d "today $time_of_day" +%s)
  [ "$next" -le "$now" ] && next=$(date -d "tomorrow $time_of_day" +%s)
  sleep $((next - now))
  backup_once || log "FAILED (will try again at the next scheduled time; see docs/deployment.md)"
done
