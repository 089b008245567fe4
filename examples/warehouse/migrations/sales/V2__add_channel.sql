-- Needs inventory's V2: orders of products below their reorder level are flagged.
ALTER TABLE orders ADD COLUMN channel varchar(20) NOT NULL DEFAULT 'web';
CREATE VIEW reorder_candidates AS
  SELECT DISTINCT p.sku FROM orders o JOIN inventory.products p ON p.id = o.product_id
  WHERE p.in_stock < p.reorder_level;
