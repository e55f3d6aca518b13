"""What the cooperative endpoints read and write, one module per scope family.

``catalogue`` (the cooperative, its products, stock and prices), ``orders`` (its lines of
each order, its parcels), ``trace`` (its lots and their events); ``errors`` describes the
error bodies for the schema. Prices and amounts are whole đồng (integers).
"""
