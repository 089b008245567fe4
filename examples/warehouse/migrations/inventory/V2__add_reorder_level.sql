ALTER TABLE products ADD COLUMN reorder_level int NOT NULL DEFAULT 10;
UPDATE products SET reorder_level = 50 WHERE in_stock < 100;
