-- Runs before any restore: an application login with the rights the app has in production.
CREATE USER IF NOT EXISTS 'warehouse_app'@'%' IDENTIFIED BY 'app-password-for-tests-only';
