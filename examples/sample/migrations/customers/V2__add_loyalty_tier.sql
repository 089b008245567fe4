ALTER TABLE customers ADD COLUMN loyalty_tier text NOT NULL DEFAULT 'bronze';
UPDATE customers SET loyalty_tier = 'gold' WHERE id % 10 = 0;
