ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'delivered'
  CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled'));
CREATE INDEX orders_status ON orders (status);
