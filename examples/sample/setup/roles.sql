-- Roles the dumps refer to: they must exist before the restore.
CREATE ROLE shop_owner NOLOGIN;
CREATE ROLE shop_reader NOLOGIN;
