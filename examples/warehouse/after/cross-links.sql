-- Runs after every restore, in inventory: the reference back from inventory to sales (sales
-- already refers to inventory), so the two databases reference each other.
CREATE VIEW product_sales AS
  SELECT p.id, p.sku, COALESCE(SUM(o.quantity), 0) AS sold
  FROM products p LEFT JOIN sales.orders o ON o.product_id = p.id
  GROUP BY p.id, p.sku;
-- Masking: no real customer address leaves production.
UPDATE sales.orders SET customer_email = CONCAT('customer', id, '@example.invalid');
GRANT SELECT, INSERT, UPDATE, DELETE ON inventory.* TO 'warehouse_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON sales.* TO 'warehouse_app'@'%';
