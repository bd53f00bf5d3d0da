#!/bin/bash
# One-shot: the only place the sa password is used (besides SQL Server's own container). Runs as root in the
# SQL Server image (for its sqlcmd), hands the backup folder to SQL Server's user (uid 10001), then runs
# init-app-login.sql. Exits 0 when done; the app starts only after that (service_completed_successfully).
set -euo pipefail

for name in MSSQL_SA_PASSWORD APP_DB_PASSWORD BACKUP_DB_PASSWORD; do
  value="${!name:-}"
  if [ -z "$value" ]; then echo "sqlserver-init: $name is empty" >&2; exit 1; fi
  case "$value" in
    *"'"*|*';'*|*'$('*) echo "sqlserver-init: $name must not contain ' ; or \$(" >&2; exit 1 ;;
  esac
done

mkdir -p /var/opt/mssql/backup
chown 10001:0 /var/opt/mssql/backup
chmod 0770 /var/opt/mssql/backup

/opt/mssql-tools18/bin/sqlcmd -S sqlserver -U sa -P "$MSSQL_SA_PASSWORD" -C -b -l 60 \
  -v DatabaseName="${DATABASE_NAME:-DrChongClinic}" AppPassword="$APP_DB_PASSWORD" BackupPassword="$BACKUP_DB_PASSWORD" \
  -i /deployment/sql/init-app-login.sql
