-- Run by the one-shot sqlserver-init service as sa (sqlcmd -v DatabaseName=... AppPassword=... BackupPassword=...).
-- Idempotent: safe on every start. Creates the database, the app's login and the backup login, and puts each
-- in only the roles it needs. Re-running it after a password change in .env sets the new password.
SET NOCOUNT ON;

IF DB_ID(N'$(DatabaseName)') IS NULL
BEGIN
    CREATE DATABASE [$(DatabaseName)];
END;
GO

-- Nightly full backups are the recovery plan (see docs/deployment.md): simple recovery keeps the log small.
ALTER DATABASE [$(DatabaseName)] SET RECOVERY SIMPLE;
GO

IF SUSER_ID(N'clinic_app') IS NULL
    CREATE LOGIN [clinic_app] WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = [$(DatabaseName)], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [clinic_app] WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = [$(DatabaseName)];

IF SUSER_ID(N'clinic_backup') IS NULL
    CREATE LOGIN [clinic_backup] WITH PASSWORD = N'$(BackupPassword)', DEFAULT_DATABASE = [$(DatabaseName)], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [clinic_backup] WITH PASSWORD = N'$(BackupPassword)', DEFAULT_DATABASE = [$(DatabaseName)];
GO

USE [$(DatabaseName)];
GO

-- After a restore on another server the users are re-attached to this server's logins (ALTER USER ... WITH LOGIN).
IF DATABASE_PRINCIPAL_ID(N'clinic_app') IS NULL
    CREATE USER [clinic_app] FOR LOGIN [clinic_app];
ELSE
    ALTER USER [clinic_app] WITH LOGIN = [clinic_app];

IF DATABASE_PRINCIPAL_ID(N'clinic_backup') IS NULL
    CREATE USER [clinic_backup] FOR LOGIN [clinic_backup];
ELSE
    ALTER USER [clinic_backup] WITH LOGIN = [clinic_backup];

-- The app reads and writes rows and applies EF Core migrations at start-up (db_ddladmin: create/alter tables and
-- indexes in this database only). It is not db_owner: it cannot change permissions, users or the database itself.
IF IS_ROLEMEMBER(N'db_datareader', N'clinic_app') = 0 ALTER ROLE db_datareader ADD MEMBER [clinic_app];
IF IS_ROLEMEMBER(N'db_datawriter', N'clinic_app') = 0 ALTER ROLE db_datawriter ADD MEMBER [clinic_app];
IF IS_ROLEMEMBER(N'db_ddladmin', N'clinic_app') = 0 ALTER ROLE db_ddladmin ADD MEMBER [clinic_app];

-- The backup job can back the database up and nothing else (it cannot read a row).
IF IS_ROLEMEMBER(N'db_backupoperator', N'clinic_backup') = 0 ALTER ROLE db_backupoperator ADD MEMBER [clinic_backup];
GO

PRINT 'sqlserver-init: database $(DatabaseName), logins clinic_app and clinic_backup ready.';
GO
